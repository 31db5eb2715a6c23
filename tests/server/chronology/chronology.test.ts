import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { readEntries } from '../../../shared/chronology/index.js';
import { readXlsxRows } from '../../../server/formats/xlsxReader.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];

const HEADER =
  'Date (DD/MM/YYYY),Time,Source of Information,Contact with the child/young person (state whether they were seen alone or not) and by whom,Contact with family member (state which family member) and by whom,Key Event/Action Undertaken,"Comment and Analysis, including potential areas for learning"';

/** Uploads a CSV as multipart field "file" with a session cookie. */
async function upload(agencyId: string, cookie: string, csv: string, dryRun = false, name = 'chronology.csv') {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const res = await fetch(`${server.url}/api/reviews/${fx.reviewId}/agencies/${agencyId}/chronology/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body: form,
    headers: { cookie, origin: server.url },
  });
  return { status: res.status, body: (await res.json()) as any };
}

const get = async (path: string, cookie: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
};
const json = async (path: string, cookie: string) => JSON.parse(new TextDecoder().decode((await get(path, cookie)).bytes));

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
  // The register: the chronology names these people and the pseudonymised export must not.
  const people = openDoc(server.url, `review.${fx.reviewId}.people`, fx.lead.cookie);
  clients.push(people);
  await synced(people);
  writePerson(people.doc, { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' });
  writePerson(people.doc, {
    ...blankPerson('p-child'),
    name: 'Maisie Thornbury',
    relationship: 'Subject child',
    isSubject: true,
    reportLabel: 'Child T',
    dateOfBirth: '2019-03-14',
  });
  const check = openDoc(server.url, `review.${fx.reviewId}.people`, fx.team.cookie);
  clients.push(check);
  await until(() => check.doc.getMap('people').size === 2, 'register synced');
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe('chronology import', () => {
  const csv = [
    HEADER,
    '14/03/2019,09:30,Case notes,Seen alone by Health Visitor,Mother by Health Visitor,New birth visit to Maisie at home,Good practice',
    'March 2019,,GP record,Not seen,Kerry,Kerry Thornbury missed appointment,',
    '31/02/2019,,x,,,Impossible date,',
    '=HYPERLINK("http://evil"),,x,,,Formula in the date,',
    '2020,,x,,,,',
  ].join('\r\n');

  it('previews without writing, then imports all at once, live, and never duplicates', async () => {
    const live = openDoc(server.url, `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`, fx.team.cookie);
    clients.push(live);
    await synced(live);
    const dry = await upload(fx.agencies[0]!.id, fx.author.cookie, csv, true);
    expect(dry.status).toBe(200);
    expect(dry.body.imported).toBe(2);
    expect(dry.body.preview.map((p: { date: string }) => p.date)).toEqual(['14/03/2019', '03/2019']);
    expect(dry.body.rejected.map((r: { row: number }) => r.row)).toEqual([4, 5, 6]);
    expect((await json(`/api/reviews/${fx.reviewId}/chronology`, fx.observer.cookie)).rows).toHaveLength(0);

    const real = await upload(fx.agencies[0]!.id, fx.author.cookie, csv);
    expect(real.body.imported).toBe(2);
    // A connected editor sees the rows arrive without reloading.
    await until(() => readEntries(live.doc, fx.agencies[0]!.id).length === 2, 'live import');
    const view = await json(`/api/reviews/${fx.reviewId}/chronology`, fx.observer.cookie);
    expect(view.rows.map((r: { keyEvent: string; agencyCode: string }) => [r.agencyCode, r.keyEvent])).toEqual([
      ['POL', 'Kerry Thornbury missed appointment'],
      ['POL', 'New birth visit to Maisie at home'],
    ]);
    expect(view.rows[1].familyContactIds).toEqual(['p-mum']);

    const again = await upload(fx.agencies[0]!.id, fx.author.cookie, csv);
    expect(again.body).toMatchObject({ imported: 0, duplicates: 2 });
    expect((await json(`/api/reviews/${fx.reviewId}/chronology`, fx.observer.cookie)).rows).toHaveLength(2);
  });

  it("lets only that agency's authors and the lead reviewer import", async () => {
    expect((await upload(fx.agencies[1]!.id, fx.author.cookie, csv)).status).toBe(403);
    expect((await upload(fx.agencies[0]!.id, fx.observer.cookie, csv)).status).toBe(403);
    expect((await upload(fx.agencies[0]!.id, fx.outsider.cookie, csv)).status).toBe(404);
    expect((await upload(fx.agencies[1]!.id, fx.lead.cookie, `${HEADER}\r\n01/01/2020,,Log,,,Lead imports for health,`)).body.imported).toBe(1);
  });

  it('refuses files it cannot read with a clear 4xx and writes nothing', async () => {
    const before = (await json(`/api/reviews/${fx.reviewId}/chronology`, fx.lead.cookie)).rows.length;
    const noHeader = await upload(fx.agencies[0]!.id, fx.author.cookie, 'just,some\r\ntext,here');
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toMatch(/header row/);
    const zip = await upload(fx.agencies[0]!.id, fx.author.cookie, 'PK\u0003\u0004garbage', false, 'x.xlsx');
    expect(zip.status).toBeGreaterThanOrEqual(400);
    expect(zip.status).toBeLessThan(500);
    expect((await json(`/api/reviews/${fx.reviewId}/chronology`, fx.lead.cookie)).rows.length).toBe(before);
  });

  it('imports 5,000 rows', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 5000; i++) {
      const d = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000);
      lines.push(`${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()},,Case notes,Seen,,Home visit ${i},Comment ${i}`);
    }
    const r = await upload(fx.agencies[1]!.id, fx.author2.cookie, lines.join('\r\n'));
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(5000);
    expect(r.body.rejected).toEqual([]);
    const view = await json(`/api/reviews/${fx.reviewId}/chronology`, fx.lead.cookie);
    expect(view.rows.filter((x: { agencyCode: string }) => x.agencyCode === 'ICB')).toHaveLength(5001);
  }, 60_000);
});

describe('chronology export', () => {
  it('exports a pseudonymised .csv with names replaced and formula cells neutralised', async () => {
    await upload(fx.agencies[0]!.id, fx.author.cookie, `${HEADER}\r\n02/02/2020,,Log,,,=1+1 said Kerry's friend,`);
    const res = await get(`/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=true`, fx.team.cookie);
    expect(res.status, new TextDecoder().decode(res.bytes).slice(0, 300)).toBe(200);
    const text = new TextDecoder().decode(res.bytes);
    expect(text).not.toMatch(/Kerry|Maisie|Thornbury/);
    expect(text).toContain('Mother missed appointment');
    expect(text).toContain("'=1+1 said Mother's friend");
  });

  it('exports a named .xlsx marked OFFICIAL-SENSITIVE, for the review team only', async () => {
    const res = await get(`/api/reviews/${fx.reviewId}/chronology/export.xlsx?pseudonymise=false`, fx.lead.cookie);
    expect(res.status).toBe(200);
    const rows = readXlsxRows(res.bytes).map((r) => r.map((c) => c.text));
    expect(rows[0]![0]).toMatch(/^OFFICIAL-SENSITIVE/);
    expect(rows[1]![0]).toBe('Agency');
    expect(rows.some((r) => r.includes('Kerry Thornbury missed appointment'))).toBe(true);
    expect((await get(`/api/reviews/${fx.reviewId}/chronology/export.xlsx?pseudonymise=false`, fx.author.cookie)).status).toBe(403);
    expect((await get(`/api/reviews/${fx.reviewId}/chronology/export.xlsx`, fx.lead.cookie)).status).toBe(400);
  });

  it('refuses a pseudonymised export that would still hold a real name', async () => {
    const people = clients[0]!;
    // A report label that is itself part of a real name defeats pseudonymisation; the leak check catches it.
    writePerson(people.doc, { ...blankPerson('p-aunt'), name: 'Dana Price', relationship: 'Aunt', reportLabel: 'Dana' });
    await upload(fx.agencies[0]!.id, fx.author.cookie, `${HEADER}\r\n03/03/2020,,Log,,,Dana Price visited,`);
    const res = await get(`/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=true`, fx.lead.cookie);
    expect(res.status).toBe(422);
    const body = JSON.parse(new TextDecoder().decode(res.bytes));
    expect(body.error.code).toBe('leak-found');
    expect(body.error.message).toMatch(/row \d+, Key event/);
    expect(body.error.message).not.toContain('Dana');
  });
});
