import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { blankEntry, readEntries, writeEntries, type ChronologyEntry } from '../../../shared/chronology/index.js';
import { readXlsxRows } from '../../../server/formats/xlsxReader.js';

/**
 * Issue 13, imports keep every word: an agency's chronology exported as .xlsx, imported into an empty
 * agency of another review, and exported again gives the same cells, whatever the rows say.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = async (name: string) => {
  const c = openDoc(server.url, name, fx.lead.cookie);
  clients.push(c);
  await synced(c);
  return c;
};
const register = [
  { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother' },
  { ...blankPerson('p-gran'), name: 'Janet Thornbury', relationship: 'Maternal Grandmother' },
];

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

/** The named .xlsx export's key-event rows (header included, banner left out: it names the review). */
async function exportedCells(reviewId: string): Promise<{ bytes: Uint8Array; rows: string[][] }> {
  const res = await fetch(`${server.url}/api/reviews/${reviewId}/chronology/export.xlsx?pseudonymise=false`, { headers: { cookie: fx.lead.cookie } });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // The first sheet only: the reader returns it.
  return {
    bytes,
    rows: readXlsxRows(bytes)
      .slice(1)
      .map((r) => r.map((c) => c.text)),
  };
}

describe('import fidelity', () => {
  it('round-trips an export through an import into an empty agency with the same cells', async () => {
    const agencyId = fx.agencies[0]!.id;
    const people = await open(`review.${fx.reviewId}.people`);
    for (const p of register) writePerson(people.doc, p);
    const chron = await open(`review.${fx.reviewId}.chronology.${agencyId}`);
    const day = (d: number) => ({ precision: 'day' as const, year: 2019, month: 3, day: d, uncertainty: 'none' as const });
    const rows: ChronologyEntry[] = [
      {
        ...blankEntry('rowAAAAAAAAAAAAAAAAAAA1', agencyId, day(14)),
        time: '09:30',
        source: 'Case notes',
        childContact: 'seen-alone',
        childContactBy: 'Health visitor',
        familyContactIds: ['p-mum'],
        familyContactBy: 'Health visitor',
        keyEvent: 'New birth visit',
        comment: 'Good practice',
        category: 'assessment',
      },
      {
        ...blankEntry('rowAAAAAAAAAAAAAAAAAAA2', agencyId, day(14)),
        source: 'Police log',
        childContact: 'not-seen',
        childContactBy: 'PC on response, asleep upstairs',
        familyContactIds: ['p-mum', 'p-gran'],
        familyContactBy: 'Mother – PC on response',
        keyEvent: 'Domestic incident attended',
        category: 'police-incident',
        otherInfo: 'Worker notes: door answered by gran\nInterpreter: not needed',
      },
      {
        ...blankEntry('rowAAAAAAAAAAAAAAAAAAA3', agencyId, { precision: 'month', year: 2018, month: 6, day: null, uncertainty: 'query' }),
        childContact: 'none',
        childContactBy: 'Social worker by phone',
        familyContactBy: 'Telephone call from maternal aunt',
        keyEvent: 'Anonymous referral',
        category: 'referral',
      },
      {
        ...blankEntry('rowAAAAAAAAAAAAAAAAAAA4', agencyId, { precision: 'year', year: 2017, month: null, day: null, uncertainty: 'circa' }),
        childContact: 'seen',
        keyEvent: 'Moved to the area',
        comment: 'Line one\nLine two',
        category: 'house-move',
      },
    ];
    writeEntries(chron.doc, agencyId, rows);
    const first = await exportedCells(fx.reviewId);
    expect(first.rows).toHaveLength(1 + rows.length);

    // An empty agency with the same code in another review, with the same people in its register.
    const agency = await api(server.url, 'POST', `/api/reviews/${fx.otherReviewId}/agencies`, {
      cookie: fx.lead.cookie,
      body: { name: 'Test Police', shortCode: 'POL', partnerType: 'police' },
    });
    expect(agency.status).toBe(201);
    const otherPeople = await open(`review.${fx.otherReviewId}.people`);
    for (const p of register) writePerson(otherPeople.doc, { ...p, id: `${p.id}-2` });
    const form = new FormData();
    form.append('file', new Blob([first.bytes as BlobPart]), 'chronology-named.xlsx');
    const imported = await fetch(`${server.url}/api/reviews/${fx.otherReviewId}/agencies/${agency.body.id}/chronology/import`, {
      method: 'POST',
      body: form,
      headers: { cookie: fx.lead.cookie, origin: server.url },
    });
    const report = (await imported.json()) as { imported: number; rejected: unknown[]; unknownColumns: string[]; preview: Record<string, string>[] };
    expect(imported.status).toBe(200);
    expect(report).toMatchObject({ imported: rows.length, rejected: [], unknownColumns: [] });
    // The preview shows each column as the export writes it.
    const header = first.rows[0]!;
    const col = (name: string) => header.indexOf(name);
    for (const [i, p] of report.preview.entries()) {
      // The reader leaves trailing empty cells out.
      const cells = first.rows[i + 1]!.map((c) => c);
      while (cells.length < header.length) cells.push('');
      expect([p.date, p.source, p.childContact, p.familyContact, p.event, p.comment, p.category, p.otherInfo]).toEqual([
        cells[col('Date (DD/MM/YYYY)')],
        cells[col('Source of information')],
        cells[col('Contact with the child (seen alone or not) and by whom')],
        cells[col('Contact with family members and by whom')],
        cells[col('Key event / action undertaken')],
        cells[col('Comment and analysis, including potential learning')],
        cells[col('Category')],
        cells[col('Other information')],
      ]);
    }
    const check = await open(`review.${fx.otherReviewId}.chronology.${agency.body.id}`);
    await until(() => readEntries(check.doc, agency.body.id).length === rows.length, 'imported rows');
    const second = await exportedCells(fx.otherReviewId);
    expect(second.rows).toEqual(first.rows);
  });
});
