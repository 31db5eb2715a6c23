import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ADMIN } from '../../utils/testServer.js';
import { api, type ApiResult } from '../../utils/api.js';
import { LOGIN_FREE_FAILURES, LOGIN_FREE_FAILURES_PER_CLIENT, LOGIN_MAX_DELAY_MS } from '../../../shared/limits.js';

// Behind a proxy the client address is X-Forwarded-For, which lets one test act from many addresses.
let now = Date.now();
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: 'true' }, config: { clock: () => now } });
});
afterAll(async () => {
  await server.close();
});

const signIn = (email: string, password: string, from: string): Promise<ApiResult> =>
  api(server.url, 'POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': from } });

/** Fails `n` times, moving the clock past every delay so each guess is really checked. */
async function guess(email: string, from: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await signIn(email, `wrong guess ${i}`, from);
    if (r.status === 429) {
      now += Number(r.headers.get('retry-after')) * 1000;
      i--;
      continue;
    }
    expect(r.status).toBe(401);
  }
}

describe('sign-in throttling slows attackers, not colleagues', () => {
  it('grows the delay for repeated wrong passwords and never locks for longer than the cap', async () => {
    const email = 'nobody-1@test.invalid';
    for (let i = 0; i < LOGIN_FREE_FAILURES; i++) expect((await signIn(email, 'wrong', '10.0.0.1')).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await signIn(email, 'wrong', '10.0.0.1');
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('throttled');
      waits.push(Number(r.headers.get('retry-after')));
      now += waits.at(-1)! * 1000;
      expect((await signIn(email, 'wrong', '10.0.0.1')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(Math.max(...waits)).toBe(LOGIN_MAX_DELAY_MS / 1000);
  });

  it('does not stop a colleague at the same address when someone there sprays many accounts', async () => {
    expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password, '10.1.1.1')).status).toBe(200);
    for (let i = 0; i < LOGIN_FREE_FAILURES_PER_CLIENT + 10; i++) await guess(`spray-${i}@test.invalid`, '10.1.1.1', 1);
    // The sprayer is slowed down…
    expect((await signIn('spray-new@test.invalid', 'wrong', '10.1.1.1')).status).toBe(429);
    // …while the colleague who signs in from that office is not.
    expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password, '10.1.1.1')).status).toBe(200);
  });

  it('does not let anyone keep a known user out by guessing their email from elsewhere', async () => {
    expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password, '10.2.2.2')).status).toBe(200);
    await guess(TEST_ADMIN.email, '203.0.113.9', 40);
    for (let i = 0; i < 12; i++) await guess(TEST_ADMIN.email, `198.51.100.${i}`, 2);
    expect((await signIn(TEST_ADMIN.email, 'another guess', '198.51.100.200')).status).toBe(429);
    expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password, '10.2.2.2')).status).toBe(200);
  });
});

describe('accepting an invitation to an existing account', () => {
  it('answers a wrong password exactly as sign-in does, and shares its throttle', async () => {
    const lead = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, '10.3.3.3');
    const cookie = lead.headers.get('set-cookie')!.split(';')[0]!;
    const review = await api(server.url, 'POST', '/api/reviews', {
      cookie,
      body: { title: 'Invite review', kind: 'rapid-review', childPseudonym: 'Child A', referralDate: '02/11/2026' },
    });
    // An invitation for an email that already has an account: the admin's own.
    const other = await api(server.url, 'POST', '/api/reviews', {
      cookie,
      body: { title: 'Other review', kind: 'lcspr', childPseudonym: 'Child B', referralDate: '02/11/2026' },
    });
    expect(other.status).toBe(201);
    const inv = await api(server.url, 'POST', `/api/reviews/${review.body.id}/invitations`, { cookie, body: { email: 'invitee@test.invalid', role: 'observer' } });
    const accept = (password: string, from: string) =>
      api(server.url, 'POST', `/api/invitations/${inv.body.token}/accept`, { body: { name: 'Invitee', password }, headers: { 'x-forwarded-for': from } });
    // The invitee makes an account through a first invitation, then is invited again.
    expect((await accept('the invitee password 1', '10.4.4.4')).status).toBe(200);
    const again = await api(server.url, 'POST', `/api/reviews/${other.body.id}/invitations`, { cookie, body: { email: 'invitee@test.invalid', role: 'observer' } });
    const acceptAgain = (password: string, from: string) =>
      api(server.url, 'POST', `/api/invitations/${again.body.token}/accept`, { body: { name: 'Invitee', password }, headers: { 'x-forwarded-for': from } });

    const wrongSignIn = await signIn('invitee@test.invalid', 'not the password', '192.0.2.1');
    const wrongAccept = await acceptAgain('not the password either', '192.0.2.1');
    expect(wrongAccept.status).toBe(wrongSignIn.status);
    expect(wrongAccept.body).toEqual(wrongSignIn.body);

    // 20 guesses through the link from one address: all but the free ones are refused unchecked.
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await acceptAgain(`guess number ${i}`, '192.0.2.1')).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_FREE_FAILURES - 2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - (LOGIN_FREE_FAILURES - 2));
    // Sign-in from that address is throttled by the same count.
    expect((await signIn('invitee@test.invalid', 'the invitee password 1', '192.0.2.1')).status).toBe(429);
    // The right password joins the review once the delay has passed.
    now += LOGIN_MAX_DELAY_MS;
    expect((await acceptAgain('the invitee password 1', '192.0.2.1')).status).toBe(200);
  });
});
