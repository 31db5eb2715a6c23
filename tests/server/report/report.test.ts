import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { writeEntry, writeTeamFields, blankTeamFields } from '../../../shared/chronology/index.js';
import * as Y from 'yjs';
import { docName } from '../../../shared/docNames.js';
import { emptyDraft } from '../../../shared/report/index.js';
import { DRAFT_ROOTS } from '../../../shared/report/draftDoc.js';
import { writeReportDraft } from '../../utils/reportDraft.js';
import { checkDocx } from '../../../server/report/docxLeakCheck.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (name: string, cookie: string) => {
  const c = openDoc(server.url, name, cookie);
  clients.push(c);
  return c;
};
const download = async (p: string, cookie: string) => {
  const res = await fetch(`${server.url}${p}`, { headers: { cookie } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
};
const people = [
  { ...blankPerson('p-mum'), name: 'Kerry Thornbury', aliases: ['Kez'], relationship: 'Mother', reportLabel: 'Mother', addresses: ['12 Larch Close, Northby NB1 4QT'] },
  { ...blankPerson('p-child'), name: 'Maisie Thornbury', relationship: 'Subject child', isSubject: true, reportLabel: 'Child T', dateOfBirth: '2019-03-14' },
];

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
  const reg = open(`review.${fx.reviewId}.people`, fx.lead.cookie);
  const chron = open(`review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.author.cookie);
  const team = open(`review.${fx.reviewId}.chronology-team`, fx.lead.cookie);
  await Promise.all([synced(reg), synced(chron), synced(team)]);
  for (const p of people) writePerson(reg.doc, p);
  writeEntry(chron.doc, fx.agencies[0]!.id, {
    id: 'entryAAAAAAAAAAAAAAAA',
    agencyId: fx.agencies[0]!.id,
    date: { precision: 'day', year: 2021, month: 6, day: 5, uncertainty: 'none' },
    time: null,
    sequence: 0,
    source: 'Police log',
    childContact: 'seen',
    childContactBy: 'PC',
    familyContactIds: ['p-mum'],
    familyContactBy: 'PC',
    keyEvent: 'Kez called police from 12 Larch Close, Northby NB1 4QT; Maisie (DOB 14/03/2019) was seen.',
    comment: '',
    category: 'police-incident',
  });
  writeTeamFields(team.doc, 'entryAAAAAAAAAAAAAAAA', { ...blankTeamFields(), keyLearning: true });
  const check = open(`review.${fx.reviewId}.chronology-team`, fx.team.cookie);
  await until(() => check.doc.getMap('teamFields').size === 1, 'team fields synced');
  const draft = { ...emptyDraft(), introduction: 'Kerry Thornbury\u2019s views were sought. Contact on 07700 900123 or kerry@example.com.', familyInvolved: true };
  await writeReportDraft(server.url, fx.reviewId, fx.lead.cookie, draft);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe('report export', () => {
  it('downloads a pseudonymised .docx that passes the leak check, with a TOC field and markings', async () => {
    const res = await download(`/api/reviews/${fx.reviewId}/export/report.docx`, fx.lead.cookie);
    expect(res.status).toBe(200);
    const files = unzipSync(res.bytes);
    const body = strFromU8(files['word/document.xml']!);
    const plain = body.replace(/<[^>]+>/g, '');
    expect(plain).toContain('Mother\u2019s views were sought');
    expect(plain).toContain('Mother called police from [address removed]');
    expect(plain).not.toMatch(/Kerry|Kez|Maisie|Thornbury|Larch|07700|example\.com|14\/03\/2019/);
    expect(body).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-3&quot;/);
    expect(body).toMatch(/w:fldCharType="begin" w:dirty="true"/);
    expect(strFromU8(files['word/settings.xml']!)).toMatch(/updateFields/);
    const headers = Object.keys(files)
      .filter((f) => /^word\/header\d*\.xml$/.test(f))
      .map((f) => strFromU8(files[f]!))
      .join('');
    expect(headers).toContain('DRAFT \u2013 OFFICIAL-SENSITIVE');
    expect(checkDocx(res.bytes, people, 'Demo Safeguarding Children Partnership')).toEqual([]);
  });

  it('exports text typed into the draft\u2019s shared document, keystroke by keystroke, pseudonymised', async () => {
    const lead = open(docName({ reviewId: fx.reviewId, kind: 'report' }), fx.lead.cookie);
    await synced(lead);
    const section = lead.doc.getMap(DRAFT_ROOTS.sections).get('goodPractice');
    expect(section).toBeInstanceOf(Y.Map);
    const text = (section as Y.Map<unknown>).get('text') as Y.Text;
    const typed = 'Kerry and the health visitor met the same day.';
    // One Yjs update per character, as the builder's text field sends them.
    for (const ch of typed) text.insert(text.length, ch);
    await until(
      async () => (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie })).body.draft.goodPractice === typed,
      'the typed text on the server',
    );
    const res = await download(`/api/reviews/${fx.reviewId}/export/report.docx`, fx.lead.cookie);
    expect(res.status).toBe(200);
    const plain = strFromU8(unzipSync(res.bytes)['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(plain).toContain('Mother and the health visitor met the same day.');
    expect(plain).not.toMatch(/Kerry/);
    text.delete(0, text.length);
    await until(
      async () => (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie })).body.draft.goodPractice === '',
      'the section emptied again',
    );
  });

  it('finds a name Word split across runs, in a footer or in properties', async () => {
    const res = await download(`/api/reviews/${fx.reviewId}/export/report.docx`, fx.lead.cookie);
    const files = unzipSync(res.bytes);
    const tampered = { ...files };
    tampered['word/document.xml'] = new TextEncoder().encode(
      strFromU8(files['word/document.xml']!).replace('<w:body>', '<w:body><w:p><w:r><w:t>Ker</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ry called</w:t></w:r></w:p>'),
    );
    tampered['docProps/core.xml'] = new TextEncoder().encode(
      strFromU8(files['docProps/core.xml']!).replace(/<dc:creator>[^<]*<\/dc:creator>/, '<dc:creator>A Person</dc:creator>'),
    );
    const { zipSync } = await import('fflate');
    const problems = checkDocx(zipSync(tampered), people, 'Demo Safeguarding Children Partnership');
    expect(problems.map((p) => p.problem)).toEqual(expect.arrayContaining(['a real first name from the people register', 'dc:creator names someone other than the partnership']));
  });

  it('refuses to hand over a report that would leak, listing places but not the name', async () => {
    const reg = clients[0]!;
    writePerson(reg.doc, { ...people[0]!, reportLabel: 'Kerry' });
    await new Promise((r) => setTimeout(r, 300));
    const res = await download(`/api/reviews/${fx.reviewId}/export/report.docx`, fx.lead.cookie);
    expect(res.status).toBe(422);
    const body = JSON.parse(new TextDecoder().decode(res.bytes));
    expect(body.error.code).toBe('leak-found');
    expect(body.error.message).toMatch(/word\/document\.xml paragraph \d+/);
    expect(body.error.message).not.toContain('Kerry');
    writePerson(reg.doc, people[0]!);
    await new Promise((r) => setTimeout(r, 300));
  });

  it('offers a Markdown preview with the same content, and keeps exports to the lead reviewer', async () => {
    const md = await download(`/api/reviews/${fx.reviewId}/export/report.md`, fx.lead.cookie);
    expect(md.status).toBe(200);
    const text = new TextDecoder().decode(md.bytes);
    expect(text).toContain('Mother called police');
    expect(text).not.toContain('Kerry');
    expect((await download(`/api/reviews/${fx.reviewId}/export/report.docx`, fx.team.cookie)).status).toBe(403);
    expect((await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/report/preview`, { cookie: fx.team.cookie })).status).toBe(200);
    // The draft is written only through its shared document (issue 13): there is no REST save.
    expect((await api(server.url, 'PUT', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.lead.cookie, body: emptyDraft() })).status).toBe(404);
    const audit = JSON.stringify(await server.deps.audit.lines());
    expect(audit).toContain('"reason":"report-docx"');
    expect(audit).toContain('"type":"export.refused"');
  });

  it('converts to PDF in LibreOffice without errors', async () => {
    const res = await download(`/api/reviews/${fx.reviewId}/export/report.docx`, fx.lead.cookie);
    expect(res.status).toBe(200);
    const dir = tempDataDir('rr-lo-');
    const file = path.join(dir, 'report.docx');
    fs.writeFileSync(file, res.bytes);
    const run = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  }, 150_000);
});
