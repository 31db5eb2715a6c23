import { runAdmin } from '../../utils/adminCli.js';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableTracker } from '../../../client/src/lib/durableTracker.js';
import { isBackupPath } from '../../../server/storage/backup.js';
import { startTestServer, tempDataDir } from '../../utils/testServer.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../../utils/factories.js';
import { api, login } from '../../utils/api.js';
import { openDoc, synced, until, type TestClient } from '../../utils/yjsClient.js';

// `admin backup` and `restore` are for the embedded store (PostgreSQL is backed up with pg_dump), so
// these tests run on the embedded files in both runs of the suite.
delete process.env.DATABASE_URL;

const admin = runAdmin;

type Tracked = TestClient & { tracker: DurableTracker };
const clients: Tracked[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) {
    c.tracker.destroy();
    c.destroy();
  }
});

function openTracked(url: string, name: string, cookie: string): Tracked {
  const c = openDoc(url, name, cookie);
  const t = Object.assign(c, { tracker: new DurableTracker(c.doc, c.provider) });
  clients.push(t);
  return t;
}

/** The keys of the genogram's `positions` map held by a stored doc. */
function storedKeys(updates: Uint8Array[]): Set<string> {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return new Set(doc.getMap('positions').keys());
}

describe('backup and restore of the embedded store', () => {
  it('backs up during a stream of edits; the restore holds every edit acknowledged before the backup, and records, and signs everyone out', async () => {
    const server = await startTestServer();
    const backupFile = path.join(tempDataDir('rr-backup-'), 'review-room.backup');
    const restored = tempDataDir('rr-restored-');
    let streaming = true;
    try {
      const fx = await createReviewWithMembers(server.url);
      const name = `review.${fx.reviewId}.genogram`;
      const lead = openTracked(server.url, name, fx.lead.cookie);
      const team = openTracked(server.url, name, fx.team.cookie);
      await Promise.all([synced(lead), synced(team)]);

      // The review team keeps editing throughout, one small update every few milliseconds.
      let sent = 0;
      const stream = (async () => {
        while (streaming) {
          team.doc.getMap('positions').set(`team-${sent}`, sent);
          sent += 1;
          await new Promise((r) => setTimeout(r, 3));
        }
      })();
      // The lead reviewer makes 50 edits and waits for all of them to be acknowledged as durable.
      for (let i = 0; i < 50; i++) lead.doc.getMap('positions').set(`lead-${i}`, i);
      await until(() => lead.tracker.unsaved === 0, 'the lead reviewer\u2019s edits acknowledged');
      await until(() => sent > 100, 'the stream under way');

      // Acknowledgements arrive in the order of the updates, so the first (sent - unsaved) are durable now.
      const teamAcked = sent - team.tracker.unsaved;
      const r = await admin(server.dataDir, ['backup', backupFile]);
      expect(r.out).toMatch(/Backup written/);
      expect(r.code).toBe(0);
      const sentDuringBackup = sent;
      streaming = false;
      await stream;
      expect(sentDuringBackup).toBeGreaterThan(teamAcked);
      expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
      // The backup holds no sessions, no lock and no first-run password.
      const entries = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(backupFile))));
      expect(entries).toContain('records.json');
      expect(entries).toContain(`docs/${name}/log.bin`);
      expect(entries.filter((e) => /session|lock|\.sock|first-run/i.test(e))).toEqual([]);
      // The backup is audited on the running server.
      expect((await server.deps.audit.lines()).map((l) => l.type)).toContain('data.backed-up');

      // A backup never overwrites a file.
      const again = await admin(server.dataDir, ['backup', backupFile]);
      expect(again.code).toBe(1);
      expect(again.out).toMatch(/already exists/);

      await server.close();
      const rr = await admin(restored, ['restore', backupFile]);
      expect(rr.out).toMatch(/Restored 1 documents?/);
      expect(rr.code).toBe(0);

      const back = await startTestServer({ dataDir: restored });
      try {
        const keys = storedKeys(await back.deps.docs.load(name));
        const missingLead = Array.from({ length: 50 }, (_, i) => `lead-${i}`).filter((k) => !keys.has(k));
        const missingTeam = Array.from({ length: teamAcked }, (_, i) => `team-${i}`).filter((k) => !keys.has(k));
        expect(missingLead).toEqual([]);
        expect(missingTeam).toEqual([]);
        // Records came back; sessions did not.
        expect((await api(back.url, 'GET', '/api/me', { cookie: fx.lead.cookie })).status).toBe(401);
        const cookie = await login(back.url, fx.team.email, TEST_PASSWORD);
        const review = await api(back.url, 'GET', `/api/reviews/${fx.reviewId}`, { cookie });
        expect(review.status).toBe(200);
        // The restored audit chain verifies, and says it was restored.
        const report = await back.deps.audit.verify();
        expect(report.ok).toBe(true);
        expect((await back.deps.audit.lines()).map((l) => l.type)).toContain('data.restored');
      } finally {
        await back.close();
      }
    } finally {
      streaming = false;
      await server.close();
    }
  }, 180_000);

  it('refuses a damaged or crafted archive, a non-empty directory, and a wrong audit key, and writes nothing', async () => {
    const server = await startTestServer();
    const dir = tempDataDir('rr-backup-');
    const good = path.join(dir, 'good.backup');
    try {
      await createReviewWithMembers(server.url);
      expect((await admin(server.dataDir, ['backup', good])).code).toBe(0);
    } finally {
      await server.close();
    }
    const entries = unzipSync(new Uint8Array(fs.readFileSync(good)));

    // One byte of records.json changed: the checksum in the manifest no longer matches.
    const flipped = { ...entries, 'records.json': entries['records.json']!.map((b, i) => (i === 10 ? b ^ 1 : b)) };
    fs.writeFileSync(path.join(dir, 'flipped.backup'), zipSync(flipped));
    // A path outside the data directory, listed in the manifest with a right checksum.
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8'));
    const evil = strToU8('{}');
    const { createHash } = await import('node:crypto');
    manifest.files.push({ path: '../evil.json', bytes: evil.length, sha256: createHash('sha256').update(evil).digest('hex') });
    fs.writeFileSync(path.join(dir, 'escape.backup'), zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)), '../evil.json': evil }));
    // A session file planted beside the data.
    fs.writeFileSync(path.join(dir, 'unlisted.backup'), zipSync({ ...entries, 'sessions.json': strToU8('{}') }));
    fs.writeFileSync(path.join(dir, 'garbage.backup'), 'not a zip at all');

    for (const [file, why] of [
      ['flipped', /damaged/],
      ['escape', /not a Review Room data file/],
      ['unlisted', /does not list/],
      ['garbage', /not a readable backup/],
    ] as const) {
      const target = tempDataDir('rr-restore-bad-');
      const r = await admin(target, ['restore', path.join(dir, `${file}.backup`)]);
      expect(r.out).toMatch(why);
      expect(r.out).toMatch(/Nothing was restored/);
      expect(r.code).toBe(1);
      expect(fs.readdirSync(target)).toEqual([]);
      expect(fs.existsSync(path.join(path.dirname(target), 'evil.json'))).toBe(false);
    }

    const busy = tempDataDir('rr-restore-busy-');
    fs.writeFileSync(path.join(busy, 'records.json'), '{"keep":"me"}');
    const r = await admin(busy, ['restore', good]);
    expect(r.out).toMatch(/not empty/);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(path.join(busy, 'records.json'), 'utf8')).toBe('{"keep":"me"}');

    // Without the backed-up server's key (AUDIT_KEY unset, no key file) nothing is restored.
    const keyless = tempDataDir('rr-restore-keyless-');
    const k = await admin(keyless, ['restore', good], { AUDIT_KEY: '' });
    expect(k.out).toMatch(/No audit key/);
    expect(k.code).toBe(1);
    expect(fs.readdirSync(keyless)).toEqual([]);
  }, 240_000);

  it('points PostgreSQL users to pg_dump', async () => {
    const r = await admin(tempDataDir(), ['backup', '/tmp/x.backup'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.out).toMatch(/pg_dump/);
    expect(r.code).toBe(1);
  }, 60_000);

  it('admits only the paths the embedded store writes', () => {
    for (const p of ['records.json', 'audit.log', 'docs/review.abcdefghijklmnop.genogram/log.bin', 'workshops/w1/responses.json']) expect(isBackupPath(p), p).toBe(true);
    for (const p of [
      'sessions.json',
      'server.lock',
      'admin.sock',
      '../x',
      '/etc/passwd',
      'docs/../records.json/log.bin',
      'docs/review.abcdefghijklmnop.genogram/other.bin',
      'workshops/w1/responses.json.tmp',
      'workshops/../x/y',
      'docs/x/log.bin',
      'workshops/w1/a/b',
    ])
      expect(isBackupPath(p), p).toBe(false);
  });
});
