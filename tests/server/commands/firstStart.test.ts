import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir, testEnv, TEST_AUDIT_KEY_HEX } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';
import { readPeople } from '../../../shared/peopleDoc.js';
import { readGenogram } from '../../../shared/genogram/genogramDoc.js';
import { findProblems } from '../../../shared/genogram/rules.js';
import { FIRST_RUN_FILE } from '../../../server/commands/adminBootstrapper.js';

describe('first start', () => {
  it('seeds a fictional demo review with 6 agencies, 10 people and a chronology, once', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer({ dataDir, env: { SEED_DEMO: 'true' } });
    try {
      const cookie = await login(server.url);
      const list = (await api(server.url, 'GET', '/api/reviews', { cookie })).body.reviews;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ fictional: true, role: 'lead-reviewer' });
      expect(list[0].agencies).toHaveLength(6);
      const updates = await server.deps.docs.load(`review.${list[0].id}.people`);
      const doc = new Y.Doc();
      for (const u of updates) Y.applyUpdate(doc, u);
      const people = readPeople(doc);
      expect(people).toHaveLength(10);
      expect(people.filter((p) => p.isSubject)).toHaveLength(1);
      // The demo chronology: rows from every agency, key learning flags, an organisational change; and the
      // demo exports pass their leak checks with practitioners replaced by their roles.
      const chron = (await api(server.url, 'GET', `/api/reviews/${list[0].id}/chronology`, { cookie })).body;
      expect(chron.rows).toHaveLength(11);
      expect(new Set(chron.rows.map((r: { agencyCode: string }) => r.agencyCode)).size).toBe(6);
      expect(chron.rows.filter((r: { team: { keyLearning: boolean } }) => r.team.keyLearning)).toHaveLength(6);
      expect(chron.orgChanges).toHaveLength(1);
      const report = await fetch(`${server.url}/api/reviews/${list[0].id}/export/report.md`, { headers: { cookie } });
      const md = await report.text();
      expect(report.status, md.slice(0, 600)).toBe(200);
      expect(md).toContain('Social Worker (CSC) saw Child M alone');
      expect(md).not.toMatch(/Amira|Hussain|Maisie|Thornbury|Larch/);
      const csv = await fetch(`${server.url}/api/reviews/${list[0].id}/chronology/export.csv?pseudonymise=true`, { headers: { cookie } });
      expect(csv.status).toBe(200);
      expect(await csv.text()).toContain('Designated Safeguarding Lead (SCH)');
      // The demo genogram: four couples, five children hanging from them, a lone-parent link, three
      // lines and two households, with no rule broken.
      const gUpdates = await server.deps.docs.load(`review.${list[0].id}.genogram`);
      const gDoc = new Y.Doc();
      for (const u of gUpdates) Y.applyUpdate(gDoc, u);
      const genogram = readGenogram(gDoc);
      const byType = (t: string) => genogram.relationships.filter((r) => r.type === t).length;
      expect([byType('partnership'), byType('parent-child'), byType('line')]).toEqual([4, 5, 3]);
      expect(genogram.households).toHaveLength(2);
      expect(findProblems(genogram.relationships, new Set(people.map((p) => p.id)))).toEqual([]);
      const demo = await login(server.url, 'police.author@demo.invalid', 'correct horse battery staple');
      expect((await api(server.url, 'GET', '/api/reviews', { cookie: demo })).body.reviews[0].role).toBe('agency-author');
    } finally {
      await server.close();
    }
    server = await startTestServer({ dataDir, env: { SEED_DEMO: 'true' } });
    try {
      const cookie = await login(server.url);
      expect((await api(server.url, 'GET', '/api/reviews', { cookie })).body.reviews).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('generates and keeps an admin password when none is configured', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ dataDir, env: { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }, config: { adminEmail: undefined, adminPassword: undefined } });
    try {
      const file = path.join(dataDir, FIRST_RUN_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const password = /password: (\S+)/.exec(fs.readFileSync(file, 'utf8'))![1]!;
      await login(server.url, 'admin@example.org', password);
    } finally {
      await server.close();
    }
  });

  it('creates an admin from the CLI', async () => {
    const dataDir = tempDataDir();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'create-admin', '--email', 'cli@test.invalid'], {
      env: { ...process.env, ...testEnv(dataDir), ADMIN_PASSWORD: 'a password from the cli' },
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toContain('Account created');
    const server = await startTestServer({ dataDir, env: { ADMIN_EMAIL: 'someone-else@test.invalid' } });
    try {
      const cookie = await login(server.url, 'cli@test.invalid', 'a password from the cli');
      expect((await api(server.url, 'GET', '/api/me', { cookie })).body.user.isAdmin).toBe(true);
      // The command line's change is audited like the API's.
      expect((await server.deps.audit.lines()).map((l) => l.type)).toContain('user.created');
    } finally {
      await server.close();
    }
  });
});
