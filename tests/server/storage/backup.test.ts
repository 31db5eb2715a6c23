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

  it('carries version history: a restored store answers the history API with the same versions, contents and named versions', async () => {
    // A retention of 6 entries and a quick unload, so the history is folded (seq numbers no longer start at 1) and held
    // partly in the compacted history file and partly in the log when the backup is taken.
    const config = { docIdleUnloadMs: 50, historyMaxEntries: 6 };
    const server = await startTestServer({ config });
    const backupFile = path.join(tempDataDir('rr-backup-'), 'review-room.backup');
    const restored = tempDataDir('rr-restored-');
    try {
      const fx = await createReviewWithMembers(server.url);
      const name = `review.${fx.reviewId}.genogram`;
      const base = `/api/reviews/${fx.reviewId}/history/genogram`;
      const edit = async (cookie: string, prefix: string, n: number) => {
        const c = openTracked(server.url, name, cookie);
        await synced(c);
        for (let i = 0; i < n; i++) {
          c.doc.getMap('positions').set(`${prefix}-${i}`, { x: i });
          await until(() => c.tracker.unsaved === 0, 'edit acknowledged');
        }
        c.tracker.destroy();
        c.destroy();
        clients.splice(clients.indexOf(c), 1);
      };
      await edit(fx.lead.cookie, 'lead', 8);
      await edit(fx.team.cookie, 'team', 6);
      // Every client gone: the room unloads and compacts, moving its log into the history file.
      await until(() => server.deps.sync.loadedDocs === 0, 'unloaded');
      await server.deps.sync.unloaded();
      // Two more edits stay in the log, after the history file.
      await edit(fx.lead.cookie, 'late', 2);
      await until(() => server.deps.sync.loadedDocs === 0, 'unloaded again');
      await server.deps.sync.unloaded();
      const before = await server.deps.docs.history(name);
      expect(before.entries[0]!.seq).toBeGreaterThan(1);
      const list = await api(server.url, 'GET', base, { cookie: fx.lead.cookie });
      expect(list.status).toBe(200);
      expect(list.body.versions.length).toBeGreaterThanOrEqual(2);
      const named = await api(server.url, 'POST', `${base}/named`, { cookie: fx.lead.cookie, body: { seq: list.body.versions[1].seq, label: 'Before the late edits' } });
      expect(named.status).toBe(201);
      const seqs: number[] = list.body.versions.map((v: { seq: number }) => v.seq);
      const read = async (url: string, cookie: string) => ({
        list: (await api(url, 'GET', base, { cookie })).body,
        contents: await Promise.all(seqs.map(async (q) => (await api(url, 'GET', `${base}/versions/${q}`, { cookie })).body)),
        item: (await api(url, 'GET', `${base}/items/positions/lead-0`, { cookie })).body,
      });
      const original = await read(server.url, fx.team.cookie);
      expect(original.list.named.map((n: { label: string; available: boolean }) => [n.label, n.available])).toEqual([['Before the late edits', true]]);

      const r = await admin(server.dataDir, ['backup', backupFile]);
      expect(r.code).toBe(0);
      const entries = unzipSync(new Uint8Array(fs.readFileSync(backupFile)));
      expect(Object.keys(entries)).toContain(`docs/${name}/history.bin`);
      await server.close();
      const rr = await admin(restored, ['restore', backupFile]);
      expect(rr.code).toBe(0);

      const back = await startTestServer({ dataDir: restored, config });
      try {
        const cookie = await login(back.url, fx.team.email, TEST_PASSWORD);
        const after = await read(back.url, cookie);
        expect(after).toEqual(original);
        expect((await back.deps.docs.history(name)).entries.map((e) => [e.seq, e.userId, e.at])).toEqual(before.entries.map((e) => [e.seq, e.userId, e.at]));
        // New entries on the restored store (the edit, and any record the server adds on opening) continue the numbering.
        const c = openTracked(back.url, name, cookie);
        await synced(c);
        c.doc.getMap('positions').set('after-restore', { x: 0 });
        await until(() => c.tracker.unsaved === 0, 'edit acknowledged');
        const h = await back.deps.docs.history(name);
        const last = before.entries.at(-1)!.seq;
        const added = h.entries.filter((e) => e.seq > last);
        expect(added.map((e) => e.seq)).toEqual(added.map((_, i) => last + 1 + i));
        expect(added.at(-1)!.userId).toBe(fx.team.userId);
      } finally {
        await back.close();
      }
    } finally {
      await server.close();
    }
  }, 180_000);

  it('refuses a history that does not match its document log', async () => {
    const server = await startTestServer();
    const dir = tempDataDir('rr-backup-');
    const good = path.join(dir, 'good.backup');
    let name = '';
    try {
      const fx = await createReviewWithMembers(server.url);
      name = `review.${fx.reviewId}.genogram`;
      const c = openTracked(server.url, name, fx.lead.cookie);
      await synced(c);
      c.doc.getMap('positions').set('n1', { x: 1 });
      await until(() => c.tracker.unsaved === 0, 'edit acknowledged');
      expect((await admin(server.dataDir, ['backup', good])).code).toBe(0);
    } finally {
      await server.close();
    }
    const entries = unzipSync(new Uint8Array(fs.readFileSync(good)));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8'));
    // The log is emptied and the manifest rewritten to match, so only the history check can catch it.
    const { createHash } = await import('node:crypto');
    const logPath = `docs/${name}/log.bin`;
    for (const f of manifest.files) if (f.path === logPath) Object.assign(f, { bytes: 0, sha256: createHash('sha256').update(new Uint8Array()).digest('hex') });
    fs.writeFileSync(path.join(dir, 'mismatch.backup'), zipSync({ ...entries, [logPath]: new Uint8Array(), 'manifest.json': strToU8(JSON.stringify(manifest)) }));
    const target = tempDataDir('rr-restore-bad-');
    const r = await admin(target, ['restore', path.join(dir, 'mismatch.backup')]);
    expect(r.out).toMatch(/does not match its document/);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(target)).toEqual([]);
  }, 120_000);

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
    for (const p of [
      'records.json',
      'audit.log',
      'docs/review.abcdefghijklmnop.genogram/log.bin',
      'docs/review.abcdefghijklmnop.genogram/history.bin',
      'workshops/w1/responses.json',
    ])
      expect(isBackupPath(p), p).toBe(true);
    for (const p of [
      'sessions.json',
      'server.lock',
      'admin.sock',
      '../x',
      '/etc/passwd',
      'docs/../records.json/log.bin',
      'docs/review.abcdefghijklmnop.genogram/other.bin',
      'docs/review.abcdefghijklmnop.genogram/snapshot.bin',
      'workshops/w1/responses.json.tmp',
      'workshops/../x/y',
      'docs/x/log.bin',
      'workshops/w1/a/b',
    ])
      expect(isBackupPath(p), p).toBe(false);
  });
});
