import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankPerson } from '../../../shared/people.js';
import { writePerson } from '../../../shared/peopleDoc.js';
import { EMPTY_OUTCOME } from '../../../shared/workshop/outcome.js';
import { api, login } from '../../utils/api.js';
import { createReviewWithMembers, TEST_PASSWORD } from '../../utils/factories.js';
import { joinWithToken, redeemInvitation } from '../../utils/participant.js';
import { startTestServer, tempDataDir, TEST_ADMIN } from '../../utils/testServer.js';
import { openDoc, synced } from '../../utils/yjsClient.js';
import { invite, publishedWorkshop, release } from './workshopFixture.js';

/** Joins `n` invited practitioners with their tokens. */
async function tokenPeople(cookie: string, reviewId: string, id: string, n: number) {
  const people = [];
  for (const secret of await invite(server.url, cookie, reviewId, id, n)) {
    const t = await redeemInvitation(server.url, id, secret);
    if (!t.ok) throw new Error('redeem refused');
    people.push(await joinWithToken(server.url, id, t.token));
  }
  return people;
}
import { captureStdout } from '../../utils/captureStdout.js';

/**
 * The workshop outcome on the server: the lead reviewer (who facilitates) saves it, the review team may
 * read it, nobody else may; bad input and stale saves change nothing; marks on responses the
 * facilitator cannot see are dropped; it survives a restart (older stored shapes are upgraded); and the
 * report draws on it, pseudonymised.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let capture: ReturnType<typeof captureStdout>;
const SLOT_NOBODY = 'f'.repeat(24);

beforeAll(async () => {
  server = await startTestServer({ env: { LOG_LEVEL: 'debug' } });
  // Capture everything the server logs during this file, to prove it holds no case content.
  capture = captureStdout();
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  capture.stop();
  await server?.close();
});

/** A published workshop where three participants answered worksheet 1 question 1 (released at k = 3) and two answered question 2 (not released). */
async function answeredWorkshop(answers: string[]): Promise<{ id: string; path: string; slots: Record<string, string> }> {
  const { id } = await publishedWorkshop(server.url, fx.lead.cookie, fx.reviewId);
  const people = await tokenPeople(fx.lead.cookie, fx.reviewId, id, 3);
  for (const [i, text] of answers.entries()) expect((await people[i]!.emit('respond', { promptId: 'w1-1', text })).ok).toBe(true);
  for (const p of people.slice(0, 2)) expect((await p.emit('respond', { promptId: 'w1-2', text: 'Below the threshold' })).ok).toBe(true);
  for (const p of people) p.close();
  expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-1')).toBe(200);
  expect(await release(server.url, fx.lead.cookie, fx.reviewId, id, 'w1-2')).toBe(409);
  const wpath = `/api/reviews/${fx.reviewId}/workshops/${id}`;
  const results = (await api(server.url, 'GET', `${wpath}/responses`, { cookie: fx.lead.cookie })).body;
  const q1 = results.prompts.find((p: { id: string }) => p.id === 'w1-1');
  expect(q1.released).toBe(true);
  const slots = Object.fromEntries(q1.responses.map((r: { id: string; text: string }) => [r.text, r.id]));
  return { id, path: wpath, slots };
}

describe('the workshop outcome API', () => {
  it('lets the lead reviewer save, the review team read, and nobody else either', async () => {
    const { path: wpath, slots } = await answeredWorkshop(['One', 'Two', 'Three']);
    expect(await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.lead.cookie })).toMatchObject({ status: 200, body: { outcome: EMPTY_OUTCOME, version: 0 } });
    expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.team.cookie })).status).toBe(200);
    for (const who of [fx.author, fx.observer]) expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: who.cookie })).status).toBe(403);
    expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.outsider.cookie })).status).toBe(404);
    expect((await api(server.url, 'GET', `${wpath}/outcome`)).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/reviews/${fx.otherReviewId}/workshops/${wpath.split('/').at(-1)}/outcome`, { cookie: fx.outsider.cookie })).status).toBe(404);

    const body = { baseVersion: 0, outcome: { ...EMPTY_OUTCOME, livedExperience: 'Team note', marks: { [`w1-1/${slots.One}`]: { themeId: null, goodPractice: true } } } };
    for (const who of [fx.team, fx.author, fx.observer]) {
      const refused = await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: who.cookie, body });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.outsider.cookie, body })).status).toBe(404);
    expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.lead.cookie })).body).toEqual({ outcome: EMPTY_OUTCOME, version: 0 });

    const saved = await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ outcome: body.outcome, version: 1 });
    expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.team.cookie })).body).toEqual({ outcome: body.outcome, version: 1 });
    // The workshop views carry it too (the report builder reads the draft learning points from there).
    const list = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/workshops`, { cookie: fx.lead.cookie })).body.workshops;
    expect(list.find((w: { id: string }) => wpath.endsWith(w.id))).toMatchObject({ outcome: body.outcome, outcomeVersion: 1 });
  });

  it('refuses bad input with a JSON 400 and a stale version with 409, changing nothing', async () => {
    const { path: wpath, slots } = await answeredWorkshop(['Alpha', 'Beta', 'Gamma']);
    const good = {
      ...EMPTY_OUTCOME,
      themes: [{ id: 'theme-1', title: 'Escalation', notes: '' }],
      marks: { [`w1-1/${slots.Alpha}`]: { themeId: 'theme-1', goodPractice: false } },
      livedExperience: 'First save',
    };
    expect((await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body: { baseVersion: 0, outcome: good } })).status).toBe(200);
    const stored = { outcome: good, version: 1 };

    const bad: unknown[] = [
      { outcome: good },
      { baseVersion: 1, outcome: { ...good, marks: { [`w1-1/${slots.Beta}`]: { themeId: 'theme-7', goodPractice: false } } } },
      { baseVersion: 1, outcome: { ...good, themes: [...good.themes, { id: 'theme-1', title: 'Twice', notes: '' }] } },
      { baseVersion: 1, outcome: { ...good, marks: { 'w1-1/not-a-slot': { themeId: null, goodPractice: true } } } },
      { baseVersion: 1, outcome: { ...good, participant: 'x' } },
      { baseVersion: 1, outcome: { ...good, livedExperience: 'x'.repeat(10_001) } },
      { baseVersion: 1, outcome: good, extra: true },
      '{"baseVersion":1,"outcome":{"__proto__":{"polluted":true}}}',
      'not json',
    ];
    for (const body of bad) {
      const res = await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toMatch(/^(invalid|forbidden-key|bad-json)$/);
      expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.lead.cookie })).body).toEqual(stored);
    }

    // A save edited from version 0, after version 1 was saved: someone else saved first.
    const stale = await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body: { baseVersion: 0, outcome: { ...good, livedExperience: 'Overwrite' } } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version-conflict', details: { currentVersion: 1 } });
    expect(stale.body.error.message).toMatch(/Nothing was changed/);
    expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.lead.cookie })).body).toEqual(stored);
    const ahead = await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body: { baseVersion: 5, outcome: good } });
    expect(ahead.status).toBe(409);

    // Two saves from the same version at once: exactly one wins.
    const both = await Promise.all(
      ['A', 'B'].map((t) => api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body: { baseVersion: 1, outcome: { ...good, livedExperience: t } } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.lead.cookie })).body.version).toBe(2);
  });

  it('drops marks on responses the facilitator cannot see: hidden, withdrawn or unknown, or below k', async () => {
    const { path: wpath, slots } = await answeredWorkshop(['Kept', 'Hidden one', 'Also kept']);
    expect((await api(server.url, 'POST', `${wpath}/responses/w1-1/${slots['Hidden one']}/hidden`, { cookie: fx.lead.cookie, body: { hidden: true } })).status).toBe(200);
    const mark = { themeId: null, goodPractice: true };
    const outcome = {
      ...EMPTY_OUTCOME,
      marks: {
        [`w1-1/${slots.Kept}`]: mark,
        [`w1-1/${slots['Also kept']}`]: mark,
        [`w1-1/${slots['Hidden one']}`]: mark,
        [`w1-1/${SLOT_NOBODY}`]: mark,
        [`w1-2/${SLOT_NOBODY}`]: mark,
        [`w1-9/${slots.Kept}`]: mark,
      },
    };
    const saved = await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body: { baseVersion: 0, outcome } });
    expect(saved.status).toBe(200);
    expect(Object.keys(saved.body.outcome.marks).sort()).toEqual([`w1-1/${slots.Kept}`, `w1-1/${slots['Also kept']}`].sort());
    expect((await api(server.url, 'GET', `${wpath}/outcome`, { cookie: fx.lead.cookie })).body).toEqual(saved.body);
  });

  it('audits each save with ids only, and logs no case content', async () => {
    const { id, path: wpath } = await answeredWorkshop(['Log one', 'Log two', 'Log three']);
    const secret = 'Lived experience canary 7c1f';
    expect(
      (await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body: { baseVersion: 0, outcome: { ...EMPTY_OUTCOME, livedExperience: secret } } })).status,
    ).toBe(200);
    await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: fx.lead.cookie, body: { baseVersion: 0, outcome: { ...EMPTY_OUTCOME, livedExperience: `${secret} again` } } });
    const audit = await server.deps.audit.lines();
    const saves = audit.filter((e) => e.type === 'workshop.outcome-saved' && e.targetId === id);
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ actorId: fx.lead.userId, reviewId: fx.reviewId });
    expect(JSON.stringify(audit)).not.toContain('canary');
    expect(capture.text()).not.toContain('canary');
    expect(capture.text()).not.toMatch(/Log (one|two|three)/);
  });
});

describe('the report draws on the outcome', () => {
  it('quotes released responses marked as good practice and the lived-experience notes, pseudonymised', async () => {
    // The report reads the review's first workshop; this file made earlier ones, so use a fresh review.
    const review = await createReviewWithMembers(server.url);
    const reg = openDoc(server.url, `review.${review.reviewId}.people`, review.lead.cookie);
    try {
      await synced(reg);
      writePerson(reg.doc, { ...blankPerson('p-mum'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' });
      const { id } = await publishedWorkshop(server.url, review.lead.cookie, review.reviewId);
      // Four answers, so that with one hidden the prompt still has k = 3 visible and is quoted.
      const people = await tokenPeople(review.lead.cookie, review.reviewId, id, 4);
      const texts = ['The health visitor saw Kerry Thornbury within a day.', 'Kerry\u2019s GP wrote promptly.', 'Nobody asked about the partner.', 'The school was not told.'];
      for (const [i, p] of people.entries()) expect((await p.emit('respond', { promptId: 'w1-1', text: texts[i] })).ok).toBe(true);
      for (const p of people) p.close();
      expect(await release(server.url, review.lead.cookie, review.reviewId, id, 'w1-1')).toBe(200);
      const wpath = `/api/reviews/${review.reviewId}/workshops/${id}`;
      const q1 = (await api(server.url, 'GET', `${wpath}/responses`, { cookie: review.lead.cookie })).body.prompts.find((p: { id: string }) => p.id === 'w1-1');
      // Staff listings pass through the review's pipeline, so the names come back pseudonymised: match on the rest.
      expect(JSON.stringify(q1.responses)).not.toContain('Thornbury');
      const slot = (t: string) => q1.responses.find((r: { text: string }) => r.text.endsWith(t.split(' ').slice(-3).join(' '))).id;
      const outcome = {
        ...EMPTY_OUTCOME,
        marks: { [`w1-1/${slot(texts[0]!)}`]: { themeId: null, goodPractice: true }, [`w1-1/${slot(texts[1]!)}`]: { themeId: null, goodPractice: true } },
        goodPracticeNotes: 'Kerry Thornbury was kept informed by the school.',
        livedExperience: 'Kerry said the child was often hungry.',
        learningPoints: { l1: 'Ask who lives in the home.' },
      };
      expect((await api(server.url, 'PUT', `${wpath}/outcome`, { cookie: review.lead.cookie, body: { baseVersion: 0, outcome } })).status).toBe(200);
      // Hidden after it was marked: the report must not quote it.
      expect((await api(server.url, 'POST', `${wpath}/responses/w1-1/${slot(texts[1]!)}/hidden`, { cookie: review.lead.cookie, body: { hidden: true } })).status).toBe(200);

      let md = '';
      for (let tries = 0; ; tries++) {
        md = (await api(server.url, 'GET', `/api/reviews/${review.reviewId}/report/preview`, { cookie: review.lead.cookie })).body.markdown;
        if (md.includes('Mother said the child was often hungry.')) break;
        if (tries > 200) throw new Error('the register never reached the preview');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(md).not.toMatch(/Kerry|Thornbury/);
      const goodSection = md.slice(md.indexOf('# Good practice'), md.indexOf('# Learning points'));
      expect(goodSection).toContain('From the Reflective Learning Workshop');
      expect(goodSection).toContain('Mother was kept informed by the school.');
      expect(goodSection).toContain('The health visitor saw Mother within a day.');
      expect(goodSection).not.toContain('GP wrote promptly');
      expect(goodSection).not.toContain('Nobody asked about the partner');
      const aboutChild = md.slice(md.indexOf('# About Child T'), md.indexOf('# Terms of reference'));
      expect(aboutChild).toContain('Mother said the child was often hungry.');

      const download = await fetch(`${server.url}/api/reviews/${review.reviewId}/export/report.md`, { headers: { cookie: review.lead.cookie } });
      expect(download.status).toBe(200);
      const file = await download.text();
      expect(file).toContain('The health visitor saw Mother within a day.');
      expect(file).not.toMatch(/Kerry|Thornbury/);

      // With a second answer hidden, fewer than k remain visible: nothing of the prompt is quoted,
      // good practice included.
      expect((await api(server.url, 'POST', `${wpath}/responses/w1-1/${slot(texts[3]!)}/hidden`, { cookie: review.lead.cookie, body: { hidden: true } })).status).toBe(200);
      md = (await api(server.url, 'GET', `/api/reviews/${review.reviewId}/report/preview`, { cookie: review.lead.cookie })).body.markdown;
      expect(md).not.toContain('The health visitor saw');
      expect(md).toContain('Mother was kept informed by the school.');
    } finally {
      reg.destroy();
    }
  });
});

/** This test rewrites the embedded records file, so it runs on the embedded store in both runs of the suite. */
const EMBEDDED = { DATABASE_URL: '' };

describe('the outcome across a restart', () => {
  it('is still there after the server restarts, and an outcome stored in the first shape is upgraded', async () => {
    const dataDir = tempDataDir();
    let srv = await startTestServer({ dataDir, env: EMBEDDED });
    try {
      const f = await createReviewWithMembers(srv.url);
      const created = await api(srv.url, 'POST', `/api/reviews/${f.reviewId}/workshops`, { cookie: f.lead.cookie, body: { date: '2026-12-01' } });
      const wpath = `/api/reviews/${f.reviewId}/workshops/${created.body.id}`;
      const outcome = {
        ...EMPTY_OUTCOME,
        themes: [{ id: 'theme-1', title: 'Fathers', notes: 'Not seen' }],
        livedExperience: 'Quiet at school.',
        learningPoints: { other: 'Think family.' },
      };
      expect((await api(srv.url, 'PUT', `${wpath}/outcome`, { cookie: f.lead.cookie, body: { baseVersion: 0, outcome } })).status).toBe(200);
      await srv.close();

      srv = await startTestServer({ dataDir, env: EMBEDDED });
      let cookie = await login(srv.url, TEST_ADMIN.email, TEST_ADMIN.password);
      expect((await api(srv.url, 'GET', `${wpath}/outcome`, { cookie })).body).toEqual({ outcome, version: 1 });
      const teamCookie = await login(srv.url, f.team.email, TEST_PASSWORD);
      expect((await api(srv.url, 'GET', `${wpath}/outcome`, { cookie: teamCookie })).body.version).toBe(1);
      await srv.close();

      // Rewrite the record as the first version stored it: no version, the old outcome shape.
      const file = path.join(dataDir, 'records.json');
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      const rec = data.workshops[created.body.id];
      delete rec.outcomeVersion;
      rec.outcome = {
        themes: [{ id: 'reach', title: 'Hard to reach', notes: 'From worksheet 2', promptIds: ['w2-p1'] }],
        goodPractice: 'Quick referral',
        livedExperience: 'She loved the park.',
        learningPoints: [{ id: 'lp1', text: 'Ask about new partners', lessonId: null }],
      };
      fs.writeFileSync(file, JSON.stringify(data));

      srv = await startTestServer({ dataDir, env: EMBEDDED });
      cookie = await login(srv.url, TEST_ADMIN.email, TEST_ADMIN.password);
      const upgraded = {
        themes: [{ id: 'reach', title: 'Hard to reach', notes: 'From worksheet 2' }],
        marks: {},
        goodPracticeNotes: 'Quick referral',
        livedExperience: 'She loved the park.',
        learningPoints: { other: 'Ask about new partners' },
      };
      expect((await api(srv.url, 'GET', `${wpath}/outcome`, { cookie })).body).toEqual({ outcome: upgraded, version: 0 });
      // Other writes to the record keep working, and store the upgraded shape.
      const w = (await api(srv.url, 'GET', wpath, { cookie })).body;
      expect(w.outcome).toEqual(upgraded);
      expect((await api(srv.url, 'PUT', `${wpath}/setup`, { cookie, body: w.setup })).status).toBe(200);
      expect((await api(srv.url, 'PUT', `${wpath}/outcome`, { cookie, body: { baseVersion: 0, outcome: { ...upgraded, livedExperience: 'Updated' } } })).body.version).toBe(1);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).workshops[created.body.id].outcome.goodPracticeNotes).toBe('Quick referral');
    } finally {
      await srv.close();
    }
  }, 60_000);
});
