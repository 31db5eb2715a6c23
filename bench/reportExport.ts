import * as Y from 'yjs';
import fs from 'node:fs';
import { spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { api } from '../tests/utils/api.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced, until } from '../tests/utils/yjsClient.js';
import { connectParticipant, newReceipt } from '../tests/utils/participant.js';
import { blankPerson } from '../shared/people.js';
import { writePerson } from '../shared/peopleDoc.js';
import { blankTeamFields, writeEntries, writeTeamFields, type ChronologyEntry } from '../shared/chronology/index.js';
import { writeResult } from './benchUtils.js';

/**
 * Report export at scale: a review with 5,000 chronology rows (250 marked as key practice learning
 * events), a register of 12 people and 300 workshop responses, exported as .docx with the full leak
 * check. Target: < 3 s and < 300 MB. The server runs in its own process; its peak RSS during the
 * exports is read from /proc (VmHWM, reset just before via clear_refs), so seeding clients do not count.
 */

/** A field of /proc/<pid>/status in KiB. */
const procKiB = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
async function main(): Promise<void> {
  process.setMaxListeners(50);
  const server = await spawnServer(tempDataDir('rr-bench-'), { LOG_LEVEL: 'silent' });
  const pid = server.child.pid!;
  const fx = await createReviewWithMembers(server.url);
  const reg = openDoc(server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = openDoc(server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.lead.cookie);
  const team = openDoc(server.url, `review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(reg), synced(chron), synced(team)]);
  const names = ['Kerry Thornbury', 'Maisie Thornbury', 'Dean Walsh', 'Lee Parrish', 'Tyler Thornbury', 'Ruby Parrish', 'Janet Thornbury', 'Graham Thornbury', 'Sandra Walsh', 'Amir Khan', 'Zoë O\u2019Neill', 'Will Hughes'];
  names.forEach((name, i) => writePerson(reg.doc, { ...blankPerson(`p${i}`), name, relationship: i === 1 ? 'Subject child' : 'Other Adult', isSubject: i === 1, reportLabel: i === 1 ? 'Child T' : `Adult ${i}` }));
  const entries: ChronologyEntry[] = [];
  for (let i = 0; i < 5000; i++) {
    const d = new Date(Date.UTC(2012, 0, 1) + i * 86_400_000);
    entries.push({
      id: `bench${String(i).padStart(14, '0')}`, agencyId: fx.agencies[0]!.id, date: { precision: 'day', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), uncertainty: 'none' },
      time: null, sequence: 0, source: 'Case notes', childContact: 'seen', childContactBy: 'Social worker', familyContactIds: ['p0'], familyContactBy: 'Social worker',
      keyEvent: `${names[i % names.length]} was visited at home (visit ${i}); ${names[(i + 3) % names.length]} was present.`, comment: 'Analysis to follow.', category: 'assessment',
    });
  }
  writeEntries(chron.doc, fx.agencies[0]!.id, entries);
  team.doc.transact(() => { for (let i = 0; i < 5000; i += 20) writeTeamFields(team.doc, entries[i]!.id, { ...blankTeamFields(), keyLearning: true }); });
  const check = openDoc(server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.team.cookie);
  await until(() => (check.doc.getMap('entries') as Y.Map<unknown>).size === 5000, 'rows synced', 60_000);

  const created = await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie, body: { date: '2026-12-01' } });
  await api(server.url, 'POST', `/api/reviews/${fx.reviewId}/workshops/${created.body.id}/control`, { cookie: fx.lead.cookie, body: { action: 'publish' } });
  const people = await Promise.all(Array.from({ length: 60 }, () => connectParticipant(server.url)));
  await Promise.all(people.map((p) => p.emit('join', { workshopId: created.body.id, code: created.body.joinCode })));
  await Promise.all(people.flatMap((p, i) => [1, 2, 3, 4, 5].map((q) => p.emit('respond', { promptId: `w1-${q}`, text: `Reflection ${q} from ${i}: ${names[i % names.length]} was hard to reach.`, receipt: newReceipt() }))));
  const draft = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie })).body.draft;
  await api(server.url, 'PUT', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie, body: { ...draft,
    themes: [{ id: 'reach', title: 'Hard to reach or hard to hear', analysis: 'Why?', entryIds: entries.slice(0, 50).map((e) => e.id), promptIds: ['w1-1', 'w1-2', 'w1-3', 'w1-4', 'w1-5'] }] } });

  const times: number[] = [];
  let bytes = 0;
  const rssBefore = procKiB(pid, 'VmRSS') * 1024;
  // Reset the kernel's peak-RSS counter so VmHWM measures the exports alone.
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const res = await fetch(`${server.url}/api/reviews/${fx.reviewId}/export/report.docx`, { headers: { cookie: fx.lead.cookie } });
    const body = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`export failed ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    times.push(performance.now() - t);
    bytes = body.length;
  }
  const peakRss = procKiB(pid, 'VmHWM') * 1024;
  const best = Math.min(...times);
  writeResult('reportExport', {
    rows: 5000, keyLearningRows: 250, workshopResponses: 300, docxBytes: bytes,
    exportMs: times.map((t) => Math.round(t)), bestMs: Math.round(best), serverRssBeforeMiB: Math.round(rssBefore / 2 ** 20), serverPeakRssDuringExportMiB: Math.round(peakRss / 2 ** 20),
    target: '< 3000 ms and < 300 MB', met: Math.max(...times) < 3000 && peakRss < 300 * 2 ** 20,
  });
  for (const p of people) p.close();
  for (const c of [reg, chron, team, check]) c.destroy();
  await server.kill9();
}

await main();
process.exit(0);
