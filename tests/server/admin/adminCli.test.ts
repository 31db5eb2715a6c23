import { runAdmin } from '../../utils/adminCli.js';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir, TEST_ADMIN } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';
import { LOCK_FILE } from '../../../server/storage/dataDirLock.js';

// These tests read, cut and edit the embedded audit file and data directory themselves, so they run on
// the embedded store in both runs of the suite (the PostgreSQL chain is checked in tests/server/storage/pg).
delete process.env.DATABASE_URL;

const NEW_PASSWORD = 'a brand new password 42';

/** Runs the admin CLI with the new password (or none) in ADMIN_PASSWORD. */
const admin = (dataDir: string, args: string[], password?: string) => runAdmin(dataDir, args, { ADMIN_PASSWORD: password ?? '' });

/** The audit log's events, in order. */
const auditTypes = (dataDir: string): { type: string; actorId?: string | null; targetId?: string | null }[] =>
  fs
    .readFileSync(path.join(dataDir, 'audit.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('admin CLI with the server running', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let userEmail: string;
  beforeAll(async () => {
    server = await startTestServer();
    const cookie = await login(server.url);
    const review = await api(server.url, 'POST', '/api/reviews', { cookie, body: { title: 'CLI', kind: 'lcspr', childPseudonym: 'Child C' } });
    userEmail = 'cli-user@test.invalid';
    const inv = await api(server.url, 'POST', `/api/reviews/${review.body.id}/invitations`, { cookie, body: { email: userEmail, role: 'observer' } });
    await api(server.url, 'POST', `/api/invitations/${inv.body.token}/accept`, { body: { name: 'CLI user', password: 'the old password 123' } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('resets a password through the server: old sessions and sockets end, and a restart does not revert it', async () => {
    const cookie = await login(server.url, userEmail, 'the old password 123');
    const socket = connect(server.url, { transports: ['websocket'], extraHeaders: { origin: server.url, cookie }, reconnection: false });
    await new Promise<void>((r) => socket.on('connect', () => r()));
    const gone = new Promise((r) => socket.on('disconnect', r));

    const r = await admin(server.dataDir, ['reset-password', '--email', userEmail], NEW_PASSWORD);
    expect(r.code).toBe(0);
    await gone;
    expect((await api(server.url, 'GET', '/api/me', { cookie })).status).toBe(401);
    expect((await api(server.url, 'POST', '/api/auth/login', { body: { email: userEmail, password: 'the old password 123' } })).status).toBe(401);
    await login(server.url, userEmail, NEW_PASSWORD);
    const reset = auditTypes(server.dataDir).filter((e) => e.type === 'user.password-reset');
    expect(reset).toHaveLength(1);
    expect(reset[0]!.actorId ?? null).toBeNull();

    // The running server wrote the record itself, so closing it (which flushes its memory) keeps the reset.
    await server.close();
    server = await startTestServer({ dataDir: server.dataDir });
    await login(server.url, userEmail, NEW_PASSWORD);
  });

  it('creates an admin and disables a user, audited as the API audits them', async () => {
    const created = await admin(server.dataDir, ['create-admin', '--email', 'second-admin@test.invalid'], NEW_PASSWORD);
    expect(created).toMatchObject({ code: 0 });
    const adminCookie = await login(server.url, 'second-admin@test.invalid', NEW_PASSWORD);
    expect((await api(server.url, 'GET', '/api/me', { cookie: adminCookie })).body.user.isAdmin).toBe(true);

    const userCookie = await login(server.url, userEmail, NEW_PASSWORD);
    expect((await admin(server.dataDir, ['disable-user', '--email', userEmail])).code).toBe(0);
    expect((await api(server.url, 'GET', '/api/me', { cookie: userCookie })).status).toBe(401);
    expect((await api(server.url, 'POST', '/api/auth/login', { body: { email: userEmail, password: NEW_PASSWORD } })).status).toBe(401);
    const types = auditTypes(server.dataDir).map((e) => e.type);
    expect(types).toContain('user.created');
    expect(types).toContain('user.disabled');
  });

  it('refuses bad input without changing anything', async () => {
    const r = await admin(server.dataDir, ['reset-password', '--email', 'nobody@test.invalid'], NEW_PASSWORD);
    expect(r.code).toBe(1);
    expect(r.out).toContain('No such user');
    expect((await admin(server.dataDir, ['reset-password', '--email', TEST_ADMIN.email], 'short')).code).toBe(1);
    await login(server.url);
  });
});

describe('admin CLI with the server stopped', () => {
  it('takes the data directory lock, edits the store and audits, and the server then starts with the change', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    await first.close();
    expect((await admin(dataDir, ['reset-password', '--email', TEST_ADMIN.email], NEW_PASSWORD)).code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    const again = await startTestServer({ dataDir });
    try {
      await login(again.url, TEST_ADMIN.email, NEW_PASSWORD);
      expect(auditTypes(dataDir).map((e) => e.type)).toContain('user.password-reset');
    } finally {
      await again.close();
    }
  });

  it('the server refuses to start while another live process holds the lock, and takes over a stale one', async () => {
    const dataDir = tempDataDir();
    const holder = spawn('sleep', ['30']);
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), String(holder.pid));
    await expect(startTestServer({ dataDir })).rejects.toThrow(/Another process/);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    const dead = spawnSync('true').pid;
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), String(dead));
    const s = await startTestServer({ dataDir });
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    await s.close();
  });
});
