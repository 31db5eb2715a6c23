import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactDate, readOrgChanges, writeOrgChange } from '../../../shared/chronology/index.js';
import { readRelationships, writeRelationship } from '../../../shared/genogram/index.js';
import { blankPerson } from '../../../shared/people.js';
import { PEOPLE_MAP, readPeople, writePerson } from '../../../shared/peopleDoc.js';
import { startTestServer } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';

/**
 * Issue 13, item 2: the per-item history and restore of a person (people register), an organisational
 * change and a genogram relationship, whose long fields are collaborative text. Each lists who changed
 * which field, restores to an earlier version through the live doc (audited), shows observers the
 * history read only, and refuses their restores. Runs on the embedded store, and on PostgreSQL when
 * DATABASE_URL is set.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (doc: string, cookie: string) => {
  const c = openDoc(server.url, `review.${fx.reviewId}.${doc}`, cookie);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

const itemPath = (doc: string, root: string, key: string) => `/api/reviews/${fx.reviewId}/history/${doc}/items/${root}/${key}`;
const restorePath = (doc: string) => `/api/reviews/${fx.reviewId}/history/${doc}/restore`;
/** The seq of the newest stored entry by `userId`, once every accepted update is stored. */
const lastSeqBy = async (doc: string, userId: string) => (await server.deps.sync.history(`review.${fx.reviewId}.${doc}`)).entries.filter((e) => e.userId === userId).at(-1)!.seq;
const restoredAudits = async (targetId: string) => (await server.deps.audit.lines()).filter((l) => l.type === 'history.restored' && l.targetId === targetId);

describe('a person of the register', () => {
  it('lists who changed the notes, restores the person for a writer, and shows observers the history without restore', async () => {
    const team = open('people', fx.team.cookie);
    const author = open('people', fx.author.cookie);
    await Promise.all([synced(team), synced(author)]);
    const id = 'personHISTORYAAAAAAA1';
    writePerson(team.doc, { ...blankPerson(id), name: 'Ann Example', relationship: 'Mother', notes: 'Lives with the child.' });
    await until(() => readPeople(author.doc).some((p) => p.id === id), 'person relayed');
    const first = await lastSeqBy('people', fx.team.userId);
    // The police author types into the notes (a Y.Text) and changes the name.
    const record = author.doc.getMap<Y.Map<unknown>>(PEOPLE_MAP).get(id)!;
    author.doc.transact(() => {
      (record.get('notes') as Y.Text).insert('Lives with the child.'.length, ' Moved out in 2019.');
      record.set('name', 'Ann Exemplar');
    });
    await until(() => readPeople(team.doc).find((p) => p.id === id)?.notes === 'Lives with the child. Moved out in 2019.', 'notes relayed');
    await until(async () => (await lastSeqBy('people', fx.author.userId)) > first, 'author edit stored');

    const item = await api(server.url, 'GET', itemPath('people', 'people', id), { cookie: fx.observer.cookie });
    expect(item.status).toBe(200);
    expect(item.body.mayRestore).toBe(false);
    expect(item.body.versions.map((v: { userName: string; fields: string[] }) => [v.userName, v.fields])).toEqual([
      [fx.author.name, ['name', 'notes']],
      [fx.team.name, expect.arrayContaining(['name', 'notes', 'relationship'])],
    ]);
    expect(item.body.versions[0].value).toMatchObject({ name: 'Ann Exemplar', notes: 'Lives with the child. Moved out in 2019.' });
    expect(item.body.versions[0].atText).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);

    const refused = await api(server.url, 'POST', restorePath('people'), { cookie: fx.observer.cookie, body: { seq: first, item: { root: 'people', key: id } } });
    expect(refused.status).toBe(403);
    expect(await restoredAudits(id)).toEqual([]);
    expect((await api(server.url, 'GET', itemPath('people', 'people', id), { cookie: fx.outsider.cookie })).status).toBe(404);

    const lead = await api(server.url, 'GET', itemPath('people', 'people', id), { cookie: fx.lead.cookie });
    expect(lead.body.mayRestore).toBe(true);
    const ok = await api(server.url, 'POST', restorePath('people'), { cookie: fx.lead.cookie, body: { seq: first, item: { root: 'people', key: id } } });
    expect(ok.body).toEqual({ restored: true });
    await until(() => {
      const p = readPeople(author.doc).find((x) => x.id === id);
      return p?.name === 'Ann Example' && p.notes === 'Lives with the child.';
    }, 'restore seen live');
    // The notes stay collaborative text after the restore, so typing in them still merges.
    expect(author.doc.getMap<Y.Map<unknown>>(PEOPLE_MAP).get(id)!.get('notes')).toBeInstanceOf(Y.Text);
    expect(await restoredAudits(id)).toEqual([expect.objectContaining({ actorId: fx.lead.userId, reason: 'item' })]);
  });
});

describe('an organisational change', () => {
  it("restores the change's text for its agency's author only; other agencies' authors and observers read its history", async () => {
    const agencyId = fx.agencies[0]!.id;
    const doc = `chronology.${agencyId}`;
    const author = open(doc, fx.author.cookie);
    const watcher = open(doc, fx.observer.cookie);
    await Promise.all([synced(author), synced(watcher)]);
    const id = 'orgHISTORYAAAAAAAAAA1';
    writeOrgChange(author.doc, agencyId, { id, agencyId, date: exactDate('2019-04-01'), change: 'Two teams merged.', impact: 'Caseloads rose.' });
    await until(() => readOrgChanges(watcher.doc, agencyId).some((c) => c.id === id), 'change relayed');
    const first = await lastSeqBy(doc, fx.author.userId);
    const record = author.doc.getMap<Y.Map<unknown>>('orgChanges').get(id)!;
    author.doc.transact(() => (record.get('impact') as Y.Text).insert(0, 'Wrongly: '));
    await until(() => readOrgChanges(watcher.doc, agencyId).find((c) => c.id === id)?.impact === 'Wrongly: Caseloads rose.', 'edit relayed');
    await until(async () => (await lastSeqBy(doc, fx.author.userId)) > first, 'edit stored');

    for (const reader of [fx.observer, fx.author2, fx.team]) {
      const item = await api(server.url, 'GET', itemPath(doc, 'orgChanges', id), { cookie: reader.cookie });
      expect(item.status).toBe(200);
      expect(item.body.mayRestore).toBe(false);
      expect(item.body.versions[0]).toMatchObject({ userName: fx.author.name, fields: ['impact'], value: { impact: 'Wrongly: Caseloads rose.' } });
      const refused = await api(server.url, 'POST', restorePath(doc), { cookie: reader.cookie, body: { seq: first, item: { root: 'orgChanges', key: id } } });
      expect(refused.status).toBe(403);
    }
    const ok = await api(server.url, 'POST', restorePath(doc), { cookie: fx.author.cookie, body: { seq: first, item: { root: 'orgChanges', key: id } } });
    expect(ok.body).toEqual({ restored: true });
    await until(() => readOrgChanges(watcher.doc, agencyId).find((c) => c.id === id)?.impact === 'Caseloads rose.', 'restore seen live');
    expect(await restoredAudits(id)).toEqual([expect.objectContaining({ actorId: fx.author.userId })]);
  });
});

describe('a genogram relationship', () => {
  it('lists and restores a couple for a writer, read only for observers', async () => {
    const people = open('people', fx.team.cookie);
    const team = open('genogram', fx.team.cookie);
    const watcher = open('genogram', fx.observer.cookie);
    await Promise.all([synced(people), synced(team), synced(watcher)]);
    const [a, b] = ['personCOUPLEAAAAAAAA1', 'personCOUPLEAAAAAAAA2'];
    writePerson(people.doc, { ...blankPerson(a), name: 'Ann Example' });
    writePerson(people.doc, { ...blankPerson(b), name: 'Bob Example' });
    const id = 'relHISTORYAAAAAAAAAA1';
    const ids = new Set([a, b]);
    writeRelationship(team.doc, { type: 'partnership', id, a, b, kind: 'married' }, ids);
    await until(() => readRelationships(watcher.doc).some((r) => r.id === id), 'couple relayed');
    const first = await lastSeqBy('genogram', fx.team.userId);
    writeRelationship(team.doc, { type: 'partnership', id, a, b, kind: 'divorced' }, ids);
    await until(async () => (await lastSeqBy('genogram', fx.team.userId)) > first, 'edit stored');

    const item = await api(server.url, 'GET', itemPath('genogram', 'relationships', id), { cookie: fx.observer.cookie });
    expect(item.status).toBe(200);
    expect(item.body.mayRestore).toBe(false);
    expect(item.body.versions[0]).toMatchObject({ userName: fx.team.name, fields: ['kind'], value: { kind: 'divorced' } });
    expect((await api(server.url, 'POST', restorePath('genogram'), { cookie: fx.observer.cookie, body: { seq: first, item: { root: 'relationships', key: id } } })).status).toBe(
      403,
    );
    // Agency authors write the genogram, so they may restore it.
    const ok = await api(server.url, 'POST', restorePath('genogram'), { cookie: fx.author2.cookie, body: { seq: first, item: { root: 'relationships', key: id } } });
    expect(ok.body).toEqual({ restored: true });
    await until(() => JSON.stringify(readRelationships(watcher.doc).find((r) => r.id === id)).includes('"married"'), 'restore seen live');
    expect(await restoredAudits(id)).toEqual([expect.objectContaining({ actorId: fx.author2.userId })]);
  });
});
