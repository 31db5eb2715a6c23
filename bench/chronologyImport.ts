import * as Y from 'yjs';
import { FileDocStore } from '../server/storage/FileDocStore.js';
import { writeXlsx } from '../server/formats/xlsxWriter.js';
import { docName } from '../shared/docNames.js';
import { blankTeamFields, readEntries, writeEntry, writeTeamFields } from '../shared/chronology/index.js';
import { startTestServer } from '../tests/utils/testServer.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced, until } from '../tests/utils/yjsClient.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Issue 3, item 9: importing a 5,000-row agency chronology through the REST API (the dry run that
 * builds the preview, the confirmed import, and a re-import that must add nothing), as .csv and as
 * .xlsx; then the bytes each single-row edit costs, made as the chronology tab makes them
 * (writeEntry / writeTeamFields through a real y-websocket client): the Yjs update on the wire and
 * the bytes the server's doc store writes. Target: < 2 KB per single-row edit.
 */
const ROWS = 5_000;
const EDITS = 200;
const RUNS = 3;

const HEADER = [
  'Date (DD/MM/YYYY)',
  'Time',
  'Source of Information',
  'Contact with the child/young person (state whether they were seen alone or not) and by whom',
  'Contact with family member (state which family member) and by whom',
  'Key Event/Action Undertaken',
  'Comment and Analysis, including potential areas for learning',
];

/** A Document 10 row with realistic lengths and a mix of the date forms agencies use. */
function sheetRow(i: number, variant: number): string[] {
  const y = 2008 + (i % 16);
  const m = 1 + (i % 12);
  const d = 1 + (i % 28);
  const forms = [
    `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
    `${d}/${m}/${y}`,
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    `March ${y}`,
    `?/${String(m).padStart(2, '0')}/${y}`,
    `c. ${y}`,
  ];
  return [
    forms[i % 7 === 0 ? 3 + (i % 3) : i % 3]!,
    i % 4 === 0 ? `${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}` : '',
    ['Case notes', 'GP record', 'Police log', 'School record'][i % 4]!,
    i % 2 ? 'Seen alone by Health Visitor' : 'Not seen',
    i % 3 ? 'Mother by Social Worker' : '',
    `Event ${variant}-${i}: home visit; the child was seen with the mother and the home conditions were noted as adequate.`,
    'Potential learning about information sharing between agencies and escalation when concerns persist.',
  ];
}

function csvOf(rows: string[][]): Uint8Array {
  const esc = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return new TextEncoder().encode([HEADER, ...rows].map((r) => r.map(esc).join(',')).join('\r\n'));
}

async function upload(baseUrl: string, reviewId: string, agencyId: string, cookie: string, bytes: Uint8Array, name: string, dryRun: boolean) {
  const form = new FormData();
  form.append('file', new Blob([Uint8Array.from(bytes)]), name);
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/reviews/${reviewId}/agencies/${agencyId}/chronology/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body: form,
    headers: { cookie, origin: baseUrl },
  });
  const body = (await res.json()) as { imported: number; duplicates: number; rejected: unknown[] };
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`import failed ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms: Math.round(ms), imported: body.imported, duplicates: body.duplicates, rejected: body.rejected.length };
}

const median = (xs: number[]) => percentile(xs, 50);

async function main(): Promise<void> {
  const server = await startTestServer({ env: { LOG_LEVEL: 'silent' } });
  const store = server.deps.docs;
  if (!(store instanceof FileDocStore)) throw new Error('expected the embedded FileDocStore');
  const fx = await createReviewWithMembers(server.url);
  const polId = fx.agencies[0]!.id;
  const icbId = fx.agencies[1]!.id;

  // 1. Import time, .csv into the police chronology and .xlsx into the ICB one (each a fresh agency).
  const csv = csvOf(Array.from({ length: ROWS }, (_, i) => sheetRow(i, 1)));
  const xlsx = writeXlsx([{ name: 'Chronology', header: HEADER, rows: Array.from({ length: ROWS }, (_, i) => sheetRow(i, 2)) }]);
  const dryCsv: number[] = [];
  const dryXlsx: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    dryCsv.push((await upload(server.url, fx.reviewId, polId, fx.author.cookie, csv, 'pol.csv', true)).ms);
    dryXlsx.push((await upload(server.url, fx.reviewId, icbId, fx.author2.cookie, xlsx, 'icb.xlsx', true)).ms);
  }
  const realCsv = await upload(server.url, fx.reviewId, polId, fx.author.cookie, csv, 'pol.csv', false);
  const realXlsx = await upload(server.url, fx.reviewId, icbId, fx.author2.cookie, xlsx, 'icb.xlsx', false);
  const again = await upload(server.url, fx.reviewId, polId, fx.author.cookie, csv, 'pol.csv', false);
  if (realCsv.imported !== ROWS || realXlsx.imported !== ROWS) throw new Error(`expected ${ROWS} rows imported, got ${realCsv.imported} and ${realXlsx.imported}`);

  // 2. Bytes per single-row edit on the 5,000-row document, as the tab writes them.
  const name = docName({ reviewId: fx.reviewId, kind: 'chronology', agencyId: polId });
  const author = openDoc(server.url, name, fx.author.cookie);
  const watcher = openDoc(server.url, name, fx.observer.cookie);
  await Promise.all([synced(author), synced(watcher)]);
  await until(() => readEntries(author.doc, polId).length === ROWS, 'author has every row', 60_000);
  const entries = readEntries(author.doc, polId);
  const wire: number[] = [];
  author.doc.on('update', (u: Uint8Array) => wire.push(u.length));

  const measure = async (label: string, edit: (i: number) => void, seen: (i: number) => boolean) => {
    wire.length = 0;
    const s0 = { ...store.stats };
    const perEdit: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const before = store.stats.bytesWritten + store.stats.snapshotBytesWritten;
      const appends = store.stats.appends;
      edit(i);
      await until(() => seen(i), `${label} edit ${i} relayed`);
      await until(() => store.stats.appends > appends, `${label} edit ${i} durable`);
      perEdit.push(store.stats.bytesWritten + store.stats.snapshotBytesWritten - before);
    }
    const total = store.stats.bytesWritten - s0.bytesWritten + store.stats.snapshotBytesWritten - s0.snapshotBytesWritten;
    return {
      edits: EDITS,
      updateBytes: { mean: Math.round(wire.reduce((a, b) => a + b, 0) / wire.length), p50: percentile(wire, 50), max: Math.max(...wire) },
      storeBytesPerEdit: { mean: Math.round(total / EDITS), p50: percentile(perEdit, 50), p99: percentile(perEdit, 99), max: Math.max(...perEdit) },
    };
  };

  const comment = await measure(
    'comment',
    (i) => {
      const e = entries[(i * 37) % ROWS]!;
      writeEntry(author.doc, polId, { ...e, comment: `Edited comment ${i}: learning about escalation.` });
    },
    (i) => readEntries(watcher.doc, polId).find((e) => e.id === entries[(i * 37) % ROWS]!.id)?.comment === `Edited comment ${i}: learning about escalation.`,
  );

  const wholeRow = await measure(
    'whole row',
    (i) => {
      const e = entries[(i * 53) % ROWS]!;
      writeEntry(author.doc, polId, {
        ...e,
        date: { precision: 'day', year: 2019, month: 1 + (i % 12), day: 1 + (i % 28), uncertainty: 'none' },
        time: '10:15',
        source: `Source ${i}`,
        keyEvent: `Rewritten key event ${i}`,
        comment: `Rewritten comment ${i}`,
        category: 'assessment',
      });
    },
    (i) => readEntries(watcher.doc, polId).find((e) => e.id === entries[(i * 53) % ROWS]!.id)?.keyEvent === `Rewritten key event ${i}`,
  );

  // Team fields are written by the lead reviewer into the review team document.
  const teamName = docName({ reviewId: fx.reviewId, kind: 'chronology-team' });
  const lead = openDoc(server.url, teamName, fx.lead.cookie);
  const teamWatch = openDoc(server.url, teamName, fx.observer.cookie);
  await Promise.all([synced(lead), synced(teamWatch)]);
  const teamWire: number[] = [];
  lead.doc.on('update', (u: Uint8Array) => teamWire.push(u.length));
  const t0 = { ...store.stats };
  for (let i = 0; i < EDITS; i++) {
    const id = entries[(i * 11) % ROWS]!.id;
    writeTeamFields(lead.doc, id, { ...blankTeamFields(), keyLearning: i % 2 === 0, note: `Team note ${i}` });
    await until(() => teamWatch.doc.getMap<Y.Map<unknown>>('teamFields').get(id)?.get('note') === `Team note ${i}`, 'team edit relayed');
  }
  await until(() => store.stats.appends - t0.appends >= EDITS, 'team edits durable');
  const teamTotal = store.stats.bytesWritten - t0.bytesWritten + store.stats.snapshotBytesWritten - t0.snapshotBytesWritten;

  for (const c of [author, watcher, lead, teamWatch]) c.destroy();
  await server.close();

  const figures = {
    rows: ROWS,
    importMs: {
      csvDryRunMedian: median(dryCsv),
      csvDryRuns: dryCsv,
      csvConfirmed: realCsv.ms,
      xlsxDryRunMedian: median(dryXlsx),
      xlsxDryRuns: dryXlsx,
      xlsxConfirmed: realXlsx.ms,
      reimportSameCsv: again.ms,
    },
    fileBytes: { csv: csv.length, xlsx: xlsx.length },
    reimport: { imported: again.imported, duplicates: again.duplicates },
    singleRowEdit: {
      commentOnly: comment,
      wholeRow,
      teamFields: {
        edits: EDITS,
        updateBytes: { mean: Math.round(teamWire.reduce((a, b) => a + b, 0) / teamWire.length), max: Math.max(...teamWire) },
        storeBytesPerEdit: { mean: Math.round(teamTotal / EDITS) },
      },
    },
    target: 'bytes written per single-row edit < 2048',
    met: Math.max(comment.storeBytesPerEdit.p99, wholeRow.storeBytesPerEdit.p99, Math.round(teamTotal / EDITS)) < 2048,
  };
  writeResult('chronologyImport', figures);
}

await main();
process.exit(0);
