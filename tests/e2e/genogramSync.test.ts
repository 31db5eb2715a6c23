import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName } from '../../shared/docNames.js';
import { RELATIONSHIPS_MAP, findProblems, readGenogram, setPosition, writeRelationship, type Relationship } from '../../shared/genogram/index.js';
import { createReviewWithMembers } from '../utils/factories.js';
import { startTestServer } from '../utils/testServer.js';
import { openDoc, synced, until, type TestClient } from '../utils/yjsClient.js';
import { rid } from '../shared/genogram/familyFixture.js';

/**
 * Issue 4, item 8 (integration): real y-websocket clients editing one review's genogram document
 * through the real sync server converge, whatever order their concurrent edits arrive in; an
 * observer's edits never reach anyone; a crafted entry is stored but skipped by every reader; and
 * rule breaks that only concurrent edits can produce are found.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let name: string;
const open: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
  name = docName({ reviewId: fx.reviewId, kind: 'genogram' });
});
afterAll(async () => {
  for (const c of open) c.destroy();
  await server?.close();
});

/** A synced client of the genogram document for `cookie`. */
async function client(cookie: string): Promise<TestClient> {
  const c = openDoc(server.url, name, cookie);
  open.push(c);
  await synced(c);
  return c;
}

const people = new Set(['mum', 'dad', 'kid', 'gran', 'other']);
const couple: Relationship = { type: 'partnership', id: rid('couple'), a: 'mum', b: 'dad', kind: 'married' };
const kid: Relationship = { type: 'parent-child', id: rid('kid'), parentType: 'partnership', parent: couple.id, child: 'kid', kind: 'birth' };
const same = (a: TestClient, b: TestClient) => JSON.stringify(snapshot(a)) === JSON.stringify(snapshot(b));
const snapshot = (c: TestClient) => {
  const d = readGenogram(c.doc);
  return { ...d, positions: [...d.positions], birthStatus: [...d.birthStatus] };
};

describe('the genogram document between real clients', () => {
  it('converges when two members edit at once, and a fresh client reads the merged result from the server', async () => {
    const lead = await client(fx.lead.cookie);
    const team = await client(fx.team.cookie);
    writeRelationship(lead.doc, couple, people);
    await until(() => readGenogram(team.doc).relationships.length === 1, 'the couple to reach the team member');
    // At once: the lead divorces the couple and moves the mother; the team member adds their child and moves her too.
    lead.doc.transact(() => {
      writeRelationship(lead.doc, { ...couple, kind: 'divorced' }, people);
      setPosition(lead.doc, 'mum', { x: 10, y: 10 });
    });
    team.doc.transact(() => {
      writeRelationship(team.doc, kid, people);
      setPosition(team.doc, 'mum', { x: 99, y: 99 });
      setPosition(team.doc, 'dad', { x: 200, y: 0 });
    });
    await until(() => same(lead, team) && readGenogram(lead.doc).relationships.length === 2, 'the two clients to converge');
    const merged = readGenogram(lead.doc);
    expect(merged.relationships).toContainEqual({ ...couple, kind: 'divorced' });
    expect(merged.relationships).toContainEqual(kid);
    expect(merged.positions.get('dad')).toEqual({ x: 200, y: 0 });
    expect([
      { x: 10, y: 10 },
      { x: 99, y: 99 },
    ]).toContainEqual(merged.positions.get('mum'));

    const fresh = await client(fx.author.cookie);
    await until(() => same(fresh, lead), 'a fresh client to read the same state');
  });

  it('drops an observer\u2019s edits before they reach anyone', async () => {
    const observer = await client(fx.observer.cookie);
    const lead = await client(fx.lead.cookie);
    writeRelationship(observer.doc, { type: 'line', id: rid('sneaky'), from: 'mum', to: 'dad', kind: 'close', directed: false }, people);
    // A later edit by the lead arrives; the observer's never does.
    writeRelationship(lead.doc, { type: 'line', id: rid('real'), from: 'dad', to: 'kid', kind: 'conflict', directed: false }, people);
    const fresh = await client(fx.team.cookie);
    await until(() => readGenogram(fresh.doc).relationships.some((r) => r.id === rid('real')), 'the lead\u2019s line to arrive');
    expect(readGenogram(fresh.doc).relationships.some((r) => r.id === rid('sneaky'))).toBe(false);
  });

  it('stores a crafted entry but every reader skips it', async () => {
    const author = await client(fx.author.cookie);
    const junk = new Y.Map<unknown>();
    author.doc.getMap(RELATIONSHIPS_MAP).set(rid('junk'), junk);
    junk.set('type', 'partnership');
    junk.set('a', 'mum'); // no b, no kind
    author.doc.getMap('positions').set('kid', { x: 'far away' });
    const fresh = await client(fx.lead.cookie);
    await until(() => fresh.doc.getMap(RELATIONSHIPS_MAP).has(rid('junk')), 'the crafted entry to arrive');
    expect(readGenogram(fresh.doc).relationships.some((r) => r.id === rid('junk'))).toBe(false);
    expect(readGenogram(fresh.doc).positions.has('kid')).toBe(false);
  });

  it('finds a third birth parent that two concurrent edits, each valid alone, produced', async () => {
    const a = await client(fx.lead.cookie);
    const b = await client(fx.team.cookie);
    await until(() => same(a, b), 'the two clients to start level');
    // 'other' has one birth parent; each client adds a second at once, so together there are three.
    const orphan: Relationship = { type: 'parent-child', id: rid('gran-kid'), parentType: 'person', parent: 'gran', child: 'other', kind: 'birth' };
    writeRelationship(a.doc, orphan, people);
    await until(() => same(a, b), 'the first link to arrive');
    a.doc.transact(() => writeRelationship(a.doc, { ...orphan, id: rid('dad-kid2'), parent: 'dad' }, people));
    b.doc.transact(() => writeRelationship(b.doc, { ...orphan, id: rid('mum-kid2'), parent: 'mum' }, people));
    await until(() => same(a, b) && readGenogram(a.doc).relationships.filter((r) => r.type === 'parent-child' && r.child === 'other').length === 3, 'both links to arrive');
    expect(findProblems(readGenogram(a.doc).relationships, people).map((p) => p.problem.code)).toContain('too-many-birth-parents');
  });
});
