import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_FREE_FAILURES } from '../../../../shared/limits.js';
import { api } from '../../../utils/api.js';
import { TEST_ADMIN } from '../../../utils/testServer.js';
import { twoNodes, type Node } from './twoNodes.js';

const nodes: Node[] = [];
afterEach(async () => {
  for (const n of nodes.splice(0)) await n.close();
});

describe('the sign-in throttle across two nodes', () => {
  it('refuses guesses split over nodes A and B at the rate one node allows, and stores no email or address', async () => {
    let now = Date.now();
    // Behind the load balancer the client address is X-Forwarded-For; one clock for both nodes.
    const [a, b] = await twoNodes(nodes, { trustProxy: true, clock: () => now });
    const email = 'guessed@test.invalid';
    const signIn = (node: Node, password: string) => api(node.url, 'POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': '198.51.100.7' } });
    // The free failures, alternating nodes: together they use up one allowance, not one per node.
    for (let i = 0; i < LOGIN_FREE_FAILURES; i++) expect((await signIn(i % 2 ? b : a, `wrong ${i}`)).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      // Refused on both nodes while delayed, with the same wait.
      const onA = await signIn(a, 'wrong');
      const onB = await signIn(b, 'wrong');
      expect([onA.status, onB.status]).toEqual([429, 429]);
      expect(onB.headers.get('retry-after')).toBe(onA.headers.get('retry-after'));
      waits.push(Number(onA.headers.get('retry-after')));
      now += waits.at(-1)! * 1000;
      // After the wait, one guess is checked (on the other node each time), and the next delay doubles.
      expect((await signIn(i % 2 ? a : b, 'wrong')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);

    // A colleague who signed in on A is recognised on B.
    const admin = (node: Node, password: string) =>
      api(node.url, 'POST', '/api/auth/login', { body: { email: TEST_ADMIN.email, password }, headers: { 'x-forwarded-for': '198.51.100.8' } });
    expect((await admin(a, TEST_ADMIN.password)).status).toBe(200);
    // Someone guesses the colleague's password from many addresses on B until the account is delayed…
    const fromElsewhere = (i: number) =>
      api(b.url, 'POST', '/api/auth/login', { body: { email: TEST_ADMIN.email, password: 'wrong' }, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    for (let i = 0; i < 12; i++) await fromElsewhere(i);
    expect((await fromElsewhere(99)).status).toBe(429);
    // …and the colleague, recognised on A, still signs in on B at once.
    expect((await admin(b, TEST_ADMIN.password)).status).toBe(200);

    // What the shared tables hold names no account and no address.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=${a.deps.config.databaseSchema}` });
    await client.connect();
    try {
      const dump = JSON.stringify([(await client.query('SELECT * FROM login_throttle')).rows, (await client.query('SELECT * FROM login_recognised')).rows]);
      expect(dump.length).toBeGreaterThan(100);
      for (const secret of [email, TEST_ADMIN.email, '198.51.100', '203.0.113']) expect(dump).not.toContain(secret);
    } finally {
      await client.end();
    }
  }, 120_000);
});
