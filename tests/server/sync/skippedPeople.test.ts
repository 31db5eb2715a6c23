import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, updateFrom, type TestClient } from '../../utils/yjsClient.js';
import { blankPerson } from '../../../shared/people.js';
import { PEOPLE_MAP, writePerson } from '../../../shared/peopleDoc.js';
import { SKIPPED_RECORDS_HEADER } from '../../../server/http/sendFile.js';

/**
 * Issue 12: a hostile or malformed person in the people register is skipped *and reported* by every
 * REST view and export that reads the register, while the good people still come back. One malformed
 * person is written live by a review-team member's WebsocketProvider (fields of the wrong type pass the
 * shape check: they are plain values); a 5,000-deep nest is stored as a server without update checks
 * would have stored it, since a live server refuses it.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let team: TestClient;

beforeAll(async () => {
  server = await startTestServer({ config: { docIdleUnloadMs: 50 } });
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  team?.destroy();
  await server.close();
});

describe('a malformed person in the people register', () => {
  it('is left out of every view and export that reads the register, and counted', async () => {
    const name = `review.${fx.reviewId}.people`;
    // Stored while no room holds the doc, as the hostile-update tests do.
    await server.deps.docs.append(
      name,
      updateFrom((d) => {
        let m = new Y.Map<unknown>();
        d.getMap(PEOPLE_MAP).set('deep', m);
        m.set('name', 'Nested');
        for (let i = 0; i < 5_000; i++) {
          const n = new Y.Map<unknown>();
          m.set('n', n);
          m = n;
        }
      }),
    );
    team = openDoc(server.url, name, fx.team.cookie);
    await synced(team);
    writePerson(team.doc, { ...blankPerson('mum'), name: 'Amy Ward', relationship: 'Mother' });
    writePerson(team.doc, { ...blankPerson('kid'), name: 'Child T', relationship: 'Subject child', isSubject: true });
    team.doc.transact(() => {
      const bad = new Y.Map<unknown>();
      team.doc.getMap(PEOPLE_MAP).set('bad', bad);
      bad.set('name', 'Wrong types');
      bad.set('gender', 'tree');
      bad.set('isSubject', 'yes');
    });
    // The server holds every write (the shape check let the wrong-typed record through: only readers judge fields).
    await until(async () => {
      const d = new Y.Doc();
      for (const u of await server.deps.docs.load(name)) Y.applyUpdate(d, u);
      return ['mum', 'kid', 'bad'].every((k) => d.getMap(PEOPLE_MAP).has(k));
    }, 'people stored');
    expect(team.provider.wsconnected).toBe(true);

    const rr = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/lifecycle/rapid-review`, { cookie: fx.lead.cookie });
    expect(rr.status).toBe(200);
    expect(rr.body.family.map((r: { name: string }) => r.name).sort()).toEqual(['Amy Ward', 'Child T']);
    expect(rr.body.skipped).toBe(2);

    const scoping = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/lifecycle/scoping`, { cookie: fx.author.cookie });
    expect(scoping.status).toBe(200);
    expect(scoping.body.family).toHaveLength(2);
    expect(scoping.body.skipped).toBe(2);

    const chronology = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/chronology`, { cookie: fx.observer.cookie });
    expect(chronology.status).toBe(200);
    expect(chronology.body.skipped).toBe(2);

    const csv = await fetch(`${server.url}/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=false`, { headers: { cookie: fx.lead.cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get(SKIPPED_RECORDS_HEADER)).toBe('2');
    await csv.arrayBuffer();

    // A person who cannot be read may carry a name the pipeline never saw: a pseudonymised copy is refused.
    for (const format of ['csv', 'xlsx']) {
      const pseudo = await fetch(`${server.url}/api/reviews/${fx.reviewId}/chronology/export.${format}?pseudonymise=true`, { headers: { cookie: fx.lead.cookie } });
      expect(pseudo.status).toBe(409);
      const body = (await pseudo.json()) as { error: { code: string; message: string; details: { unreadNames: number } } };
      expect(body.error.code).toBe('register-unreadable');
      expect(body.error.details.unreadNames).toBe(2);
      expect(body.error.message).not.toContain('Wrong types');
    }

    const docx = await fetch(`${server.url}/api/reviews/${fx.reviewId}/lifecycle/rapid-review.docx`, { headers: { cookie: fx.lead.cookie } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get(SKIPPED_RECORDS_HEADER)).toBe('2');
    await docx.arrayBuffer();
  });

  it('counts nothing once the malformed person is removed live, and the good people stay', async () => {
    team.doc.getMap(PEOPLE_MAP).delete('bad');
    await until(async () => (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/lifecycle/scoping`, { cookie: fx.lead.cookie })).body.skipped === 1, 'one left');
    const rr = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/lifecycle/rapid-review`, { cookie: fx.lead.cookie });
    expect(rr.body.skipped).toBe(1);
    expect(rr.body.family).toHaveLength(2);
    // Still one unreadable person (the stored nest), so a pseudonymised copy is still refused.
    const pseudo = await fetch(`${server.url}/api/reviews/${fx.reviewId}/chronology/export.csv?pseudonymise=true`, { headers: { cookie: fx.lead.cookie } });
    expect(pseudo.status).toBe(409);
    expect(((await pseudo.json()) as { error: { details: { unreadNames: number } } }).error.details.unreadNames).toBe(1);
  });
});
