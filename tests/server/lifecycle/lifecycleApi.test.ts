import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../utils/api.js';
import { addWorkingDays } from '../../../shared/calendar/index.js';
import { isoDateInLondon } from '../../../shared/dates.js';
import { DEFAULT_RAPID_REVIEW_CONFIG, rapidReviewMilestones } from '../../../shared/milestones/index.js';
import { dashboardRows, emptyScopingForm, emptyTermsOfReference } from '../../../shared/lifecycle/index.js';
import { termsOfReferenceSource } from '../../../server/commands/termsOfReferenceReader.js';
import { sampleRecord, startLifecycleFixture } from './lifecycleFixture.js';

/**
 * Issue 7 items 2-5 through the real server: who may read and change what, validation that refuses
 * bad input with a 4xx JSON error and changes nothing, and optimistic concurrency.
 */

let f: Awaited<ReturnType<typeof startLifecycleFixture>>;
let url: string;
let base: string;
beforeAll(async () => {
  f = await startLifecycleFixture();
  url = f.server.url;
  base = `/api/reviews/${f.fx.reviewId}/lifecycle`;
});
afterAll(async () => {
  await f?.close();
});

const call = (method: string, path: string, cookie: string, body?: unknown) => api(url, method, path, { cookie, body });

describe('Rapid Review timetable settings', () => {
  it('everyone signed in reads it; only an admin changes it; a bad timetable is refused and nothing changes', async () => {
    const got = await call('GET', '/api/lifecycle/settings', f.fx.observer.cookie);
    expect(got.status).toBe(200);
    expect(got.body.rapidReview).toEqual(DEFAULT_RAPID_REVIEW_CONFIG);

    const notAdmin = await call('PUT', '/api/lifecycle/settings', f.fx.team.cookie, { rapidReview: { scopingDays: 2, returnsDays: 5, meetingFromDay: 9, meetingToDay: 11 } });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.error.code).toBe('forbidden');

    const backwards = await call('PUT', '/api/lifecycle/settings', f.fx.admin.cookie, { rapidReview: { scopingDays: 2, returnsDays: 5, meetingFromDay: 12, meetingToDay: 10 } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.fields.map((x: { path: string }) => x.path)).toContain('rapidReview.meetingToDay');
    const tooLong = await call('PUT', '/api/lifecycle/settings', f.fx.admin.cookie, { rapidReview: { scopingDays: 2, returnsDays: 5, meetingFromDay: 9, meetingToDay: 16 } });
    expect(tooLong.status).toBe(400);
    const extra = await call('PUT', '/api/lifecycle/settings', f.fx.admin.cookie, {
      rapidReview: { scopingDays: 2, returnsDays: 5, meetingFromDay: 9, meetingToDay: 11, panelDays: 3 },
    });
    expect(extra.status).toBe(400);
    expect((await call('GET', '/api/lifecycle/settings', f.fx.admin.cookie)).body.rapidReview).toEqual(DEFAULT_RAPID_REVIEW_CONFIG);

    const ok = await call('PUT', '/api/lifecycle/settings', f.fx.admin.cookie, { rapidReview: { scopingDays: 2, returnsDays: 5, meetingFromDay: 9, meetingToDay: 11 } });
    expect(ok.status).toBe(200);
    const ms = await call('GET', `${base}/milestones`, f.fx.observer.cookie);
    const meeting = ms.body.milestones.find((m: { key: string }) => m.key === 'rr-meeting');
    const referral = ms.body.review.referralDate as string;
    expect(meeting.opens).toBe(addWorkingDays(referral, 9));
    expect(meeting.due).toBe(addWorkingDays(referral, 11));
    expect((await f.auditLines()).some((l) => l.type === 'lifecycle.settings-saved')).toBe(true);
  });
});

describe('milestones and the dashboard', () => {
  it('every member reads the milestones; the dashboard lists only the caller’s reviews, shaped by the shared rule', async () => {
    const settings = (await call('GET', '/api/lifecycle/settings', f.fx.lead.cookie)).body.rapidReview;
    const review = (await call('GET', `/api/reviews/${f.fx.reviewId}`, f.fx.lead.cookie)).body.review;
    const dash = await call('GET', '/api/lifecycle/dashboard', f.fx.author.cookie);
    expect(dash.status).toBe(200);
    const today = isoDateInLondon(new Date());
    const expected = dashboardRows(
      [
        {
          reviewId: f.fx.reviewId,
          title: review.title,
          kind: 'rapid-review',
          role: 'agency-author',
          fictional: false,
          milestones: rapidReviewMilestones({ referralDate: review.referralDate, config: settings }),
          problem: null,
        },
      ],
      dash.body.today,
    );
    expect(dash.body.today).toBe(today);
    expect(dash.body.rows).toEqual(expected);
    expect(dash.body.rows[0].next.workingDaysLeft).toEqual(expect.any(Number));

    const outsider = await call('GET', '/api/lifecycle/dashboard', f.fx.outsider.cookie);
    expect(outsider.body.rows.map((r: { reviewId: string }) => r.reviewId)).toEqual([f.fx.otherReviewId]);
    expect((await call('GET', `${base}/milestones`, f.fx.outsider.cookie)).status).toBe(404);
    expect((await api(url, 'GET', '/api/lifecycle/dashboard')).status).toBe(401);
  });

  it('the lead reviewer and review team set the dates; others are refused; stale and bad saves change nothing', async () => {
    const body = { baseVersion: 0, referralDate: '03/11/2026', decisionDate: null, publicationDate: null, completed: {} };
    expect((await call('PUT', `${base}/milestones`, f.fx.observer.cookie, body)).status).toBe(403);
    expect((await call('PUT', `${base}/milestones`, f.fx.author.cookie, body)).status).toBe(403);
    expect((await call('PUT', `${base}/milestones`, f.fx.team.cookie, { ...body, referralDate: '31/02/2026' })).status).toBe(400);
    expect((await call('PUT', `${base}/milestones`, f.fx.team.cookie, { ...body, decisionDate: '01/12/2026', publicationDate: '01/11/2026' })).status).toBe(400);
    expect((await call('PUT', `${base}/milestones`, f.fx.team.cookie, { ...body, completed: { 'rr-lunch': '03/11/2026' } })).status).toBe(400);
    const future = await call('PUT', `${base}/milestones`, f.fx.team.cookie, { ...body, completed: { 'rr-meeting': '01/01/2099' } });
    expect(future.status).toBe(400);
    expect(future.body.error.details.fields[0].path).toBe('completed.rr-meeting');

    const ok = await call('PUT', `${base}/milestones`, f.fx.team.cookie, body);
    expect(ok.status).toBe(200);
    expect(ok.body.review.referralDate).toBe('2026-11-03');
    expect(ok.body.plan.version).toBe(1);
    expect((await call('GET', `/api/reviews/${f.fx.reviewId}`, f.fx.lead.cookie)).body.review.referralDate).toBe('2026-11-03');

    const stale = await call('PUT', `${base}/milestones`, f.fx.lead.cookie, { ...body, referralDate: '04/11/2026' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version-conflict');
    expect((await call('GET', `/api/reviews/${f.fx.reviewId}`, f.fx.lead.cookie)).body.review.referralDate).toBe('2026-11-03');

    // A decision date adds the LCSPR milestones; a date marked by hand completes a milestone.
    const lcspr = await call('PUT', `${base}/milestones`, f.fx.lead.cookie, {
      ...body,
      baseVersion: 1,
      decisionDate: '2026-11-20',
      completed: { 'rr-scoping-requests': '04/11/2026' },
    });
    expect(lcspr.status).toBe(200);
    const keys = lcspr.body.milestones.map((m: { key: string }) => m.key);
    expect(keys).toContain('lcspr-completion');
    expect(lcspr.body.milestones.find((m: { key: string }) => m.key === 'lcspr-completion').due).toBe('2027-05-20');
    expect(lcspr.body.milestones.find((m: { key: string }) => m.key === 'rr-scoping-requests')).toMatchObject({ status: 'done', doneOn: '2026-11-04' });
  });
});

describe('agency scoping', () => {
  it('staff and observers see every agency; an agency author sees only their own, with the family composition', async () => {
    const lead = await call('GET', `${base}/scoping`, f.fx.lead.cookie);
    expect(lead.body.agencies).toHaveLength(3);
    expect((await call('GET', `${base}/scoping`, f.fx.observer.cookie)).body.agencies).toHaveLength(3);
    const author = await call('GET', `${base}/scoping`, f.fx.author.cookie);
    expect(author.body.agencies.map((a: { agency: { id: string } }) => a.agency.id)).toEqual([f.agencies.police]);
    expect(author.body.agencies[0].scoping.status).toBe('not-requested');
    expect(author.body.family.map((r: { name: string }) => r.name)).toEqual(['Maisie Thornbury', 'Kerry Thornbury (also known as Kez)']);
    expect((await call('GET', `${base}/scoping/${f.agencies.icb}`, f.fx.author.cookie)).status).toBe(403);
    expect((await call('GET', `${base}/scoping/${f.agencies.icb}`, f.fx.observer.cookie)).status).toBe(200);
    expect((await call('GET', `${base}/scoping/${f.fx.reviewId}`, f.fx.lead.cookie)).status).toBe(404);
    expect((await call('GET', `${base}/scoping`, f.fx.outsider.cookie)).status).toBe(404);
  });

  it('an agency author completes and returns their own form; others are refused; bad input changes nothing', async () => {
    const police = `${base}/scoping/${f.agencies.police}`;
    const form = {
      ...emptyScopingForm(),
      completedBy: 'Sam Author',
      designation: 'Detective Inspector',
      summaryOfInvolvement: 'Two domestic abuse call-outs to 12 Larch Close in 2025.',
      briefAnalysis: 'Risk assessments not shared with health.',
      learningActions: [{ learningPoint: 'DASH forms', actionRequired: 'Share with the GP', lead: 'DI Author', targetDate: '31/01/2027', evidence: '', rag: 'amber' }],
    };
    // The review team asks first.
    const asked = await call('PUT', `${police}/status`, f.fx.team.cookie, { baseVersion: 0, status: 'requested', date: '04/11/2026' });
    expect(asked.status).toBe(200);
    expect(asked.body.scoping).toMatchObject({ status: 'requested', requestedOn: '2026-11-04', version: 1 });

    expect((await call('PUT', `${base}/scoping/${f.agencies.icb}/form`, f.fx.author.cookie, { baseVersion: 0, form })).status).toBe(403);
    expect((await call('PUT', `${police}/form`, f.fx.observer.cookie, { baseVersion: 1, form })).status).toBe(403);
    expect((await call('PUT', `${police}/form`, f.fx.author.cookie, { baseVersion: 1, form: { ...form, mood: 'fine' } })).status).toBe(400);
    const badRag = await call('PUT', `${police}/form`, f.fx.author.cookie, { baseVersion: 1, form: { ...form, learningActions: [{ ...form.learningActions[0], rag: 'purple' }] } });
    expect(badRag.status).toBe(400);
    expect(badRag.body.error.details.fields[0].path).toBe('form.learningActions.0.rag');
    expect((await call('PUT', `${police}/form`, f.fx.author.cookie, { baseVersion: 1, form: { ...form, briefAnalysis: 'x'.repeat(10_001) } })).status).toBe(400);
    expect((await call('GET', police, f.fx.author.cookie)).body.scoping.version).toBe(1);

    const saved = await call('PUT', `${police}/form`, f.fx.author.cookie, { baseVersion: 1, form });
    expect(saved.status).toBe(200);
    expect(saved.body.scoping.form.learningActions[0].targetDate).toBe('2027-01-31');
    expect(saved.body.scoping.version).toBe(2);

    expect((await call('PUT', `${police}/status`, f.fx.author.cookie, { baseVersion: 2, status: 'requested' })).status).toBe(403);
    expect((await call('PUT', `${police}/status`, f.fx.author.cookie, { baseVersion: 2, status: 'returned', date: '01/01/2099' })).status).toBe(400);
    const returned = await call('PUT', `${police}/status`, f.fx.author.cookie, { baseVersion: 2, status: 'returned', date: '09/11/2026' });
    expect(returned.status).toBe(200);
    expect(returned.body.scoping).toMatchObject({ status: 'returned', requestedOn: '2026-11-04', returnedOn: '2026-11-09' });

    const late = await call('PUT', `${police}/form`, f.fx.author.cookie, { baseVersion: 3, form: { ...form, briefAnalysis: 'changed' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('scoping-closed');

    // The other agency confirms the family was not known to it.
    const icb = await call('PUT', `${base}/scoping/${f.agencies.icb}/status`, f.fx.author2.cookie, { baseVersion: 0, status: 'not-known', date: '06/11/2026' });
    expect(icb.status).toBe(200);
    expect(icb.body.scoping).toMatchObject({ status: 'not-known', notKnownOn: '2026-11-06', requestedOn: null });
    expect((await f.auditLines()).filter((l) => l.type === 'scoping.status-changed').length).toBeGreaterThanOrEqual(3);
  });
});

describe('the Rapid Review record', () => {
  const police = () => ({ name: 'DI Grace Police', role: 'Detective Inspector', agencyId: f.agencies.police });
  const icb = () => ({ name: 'Dr Ivan Health', role: 'Designated Doctor', agencyId: f.agencies.icb });
  const la = () => ({ name: 'Lee Council', role: 'Head of Service', agencyId: f.agencies.la });

  it('agency authors cannot read it, observers read it, non-members get 404', async () => {
    expect((await call('GET', `${base}/rapid-review`, f.fx.author.cookie)).status).toBe(403);
    expect((await call('GET', `${base}/rapid-review`, f.fx.outsider.cookie)).status).toBe(404);
    const obs = await call('GET', `${base}/rapid-review`, f.fx.observer.cookie);
    expect(obs.status).toBe(200);
    expect(obs.body.mayEdit).toBe(false);
    expect(obs.body.version).toBe(0);
    expect(obs.body.family.map((r: { name: string }) => r.name)).toContain('Kerry Thornbury (also known as Kez)');
    expect(obs.body.child.name).toBe('Maisie Thornbury');
    // The returned police form feeds the record.
    expect(obs.body.scoping.returned.map((r: { agencyName: string }) => r.agencyName)).toEqual(['Test Police']);
    expect(obs.body.scoping.involvementText).toContain('Two domestic abuse call-outs');
    expect(obs.body.scoping.notKnown.map((r: { agencyName: string }) => r.agencyName)).toEqual(['Test Health']);
  });

  it('the review team saves it; the quorum is read from the agencies’ partner types', async () => {
    expect((await call('PUT', `${base}/rapid-review`, f.fx.observer.cookie, { baseVersion: 0, content: sampleRecord([police()]) })).status).toBe(403);
    expect((await call('PUT', `${base}/rapid-review`, f.fx.author.cookie, { baseVersion: 0, content: sampleRecord([police()]) })).status).toBe(403);
    const saved = await call('PUT', `${base}/rapid-review`, f.fx.team.cookie, { baseVersion: 0, content: sampleRecord([police(), icb()]) });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.content.background.incidentDate).toBe('2026-10-28');
    expect(saved.body.quorum).toMatchObject({ quorate: false, missing: ['local-authority'] });

    const full = await call('PUT', `${base}/rapid-review`, f.fx.lead.cookie, { baseVersion: 1, content: sampleRecord([police(), icb(), la()]) });
    expect(full.status).toBe(200);
    expect(full.body.quorum).toMatchObject({ quorate: true, missing: [] });
    expect((await f.auditLines()).filter((l) => l.type === 'rapid-review.saved')).toHaveLength(2);
  });

  it('refuses bad records with a 400 naming the field, and stale ones with a 409, changing nothing', async () => {
    const good = sampleRecord([police(), icb(), la()]);
    const cases: [string, unknown][] = [
      ['participant from another review', { ...good, participants: [{ ...police(), agencyId: f.fx.otherReviewId }] }],
      ['participant without a name', { ...good, participants: [{ ...police(), name: '  ' }] }],
      ['none of the above with another criterion', { ...good, criteria: ['none-of-the-above', 'recurrent-themes'] }],
      ['a criterion twice', { ...good, criteria: ['recurrent-themes', 'recurrent-themes'] }],
      ['an unknown recommendation', { ...good, recommendation: 'f' }],
      ['an unknown key', { ...good, notes: 'x' }],
      ['an unknown discussion key', { ...good, discussion: { ...good.discussion, gossip: 'x' } }],
      ['a date that does not exist', { ...good, background: { ...good.background, meetingDate: '30/02/2026' } }],
      ['a prototype key', JSON.parse('{"__proto__": {"x": 1}}')],
    ];
    for (const [what, content] of cases) {
      const res = await call('PUT', `${base}/rapid-review`, f.fx.lead.cookie, { baseVersion: 2, content });
      expect(res.status, what).toBe(400);
      expect(res.body.error.code, what).toMatch(/^(invalid|forbidden-key)$/);
    }
    const strayPath = await call('PUT', `${base}/rapid-review`, f.fx.lead.cookie, { baseVersion: 2, content: cases[0]![1] });
    expect(strayPath.body.error.details.fields[0].path).toBe('content.participants.0.agencyId');
    const stale = await call('PUT', `${base}/rapid-review`, f.fx.team.cookie, { baseVersion: 1, content: good });
    expect(stale.status).toBe(409);
    const now = await call('GET', `${base}/rapid-review`, f.fx.lead.cookie);
    expect(now.body.version).toBe(2);
    expect(now.body.content.participants).toHaveLength(3);
  });

  it('the held meeting completes its milestone', async () => {
    const ms = await call('GET', `${base}/milestones`, f.fx.lead.cookie);
    const meeting = ms.body.milestones.find((m: { key: string }) => m.key === 'rr-meeting');
    expect(meeting.doneOn).toBe(ms.body.today >= '2026-11-12' ? '2026-11-12' : null);
    const returns = ms.body.milestones.find((m: { key: string }) => m.key === 'rr-agency-returns');
    // Police returned on 09/11, health answered "not known" on 06/11; the local authority has not answered.
    expect(returns.doneOn).toBeNull();
  });
});

describe('terms of reference', () => {
  it('the team edits them with the review’s period; the report reads the key lines of enquiry and period', async () => {
    const content = {
      ...emptyTermsOfReference(),
      childReference: 'Child T',
      keyLinesOfEnquiry: ['How was the voice of the child heard?', '  '],
      teamMembers: [{ name: 'Ann Team', organisation: 'ICB', responsibilities: 'Health liaison' }],
    };
    expect((await call('GET', `${base}/terms-of-reference`, f.fx.author.cookie)).status).toBe(403);
    expect((await call('PUT', `${base}/terms-of-reference`, f.fx.observer.cookie, { baseVersion: 0, content, periodStart: null, periodEnd: null })).status).toBe(403);
    const blank = await call('PUT', `${base}/terms-of-reference`, f.fx.team.cookie, { baseVersion: 0, content, periodStart: '01/01/2025', periodEnd: null });
    expect(blank.status).toBe(400); // a blank key line of enquiry
    const backwards = await call('PUT', `${base}/terms-of-reference`, f.fx.team.cookie, {
      baseVersion: 0,
      content: { ...content, keyLinesOfEnquiry: ['How was the voice of the child heard?'] },
      periodStart: '01/01/2026',
      periodEnd: '01/01/2025',
    });
    expect(backwards.status).toBe(400);
    expect(await termsOfReferenceSource(f.server.deps.records)(f.fx.reviewId)).toBeNull();

    const ok = await call('PUT', `${base}/terms-of-reference`, f.fx.team.cookie, {
      baseVersion: 0,
      content: { ...content, keyLinesOfEnquiry: ['How was the voice of the child heard?'] },
      periodStart: '01/01/2025',
      periodEnd: '28/10/2026',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.summary).toEqual({ keyLinesOfEnquiry: ['How was the voice of the child heard?'], periodStart: '2025-01-01', periodEnd: '2026-10-28' });
    expect(ok.body.proposedKloes).toEqual(['How did agencies share information about the mother’s new partner?']);
    expect((await call('GET', `/api/reviews/${f.fx.reviewId}`, f.fx.observer.cookie)).body.review).toMatchObject({ periodStart: '2025-01-01', periodEnd: '2026-10-28' });
    expect(await termsOfReferenceSource(f.server.deps.records)(f.fx.reviewId)).toEqual(ok.body.summary);
    // The chronology is scoped by them too: its view carries the period and key lines of enquiry.
    expect((await call('GET', `/api/reviews/${f.fx.reviewId}/chronology`, f.fx.observer.cookie)).body.scope).toEqual(ok.body.summary);
    // The light context route the page loads first carries the same scope (and the phases), without rows.
    const context = await call('GET', `/api/reviews/${f.fx.reviewId}/chronology/context`, f.fx.observer.cookie);
    expect(context.body).toEqual({ phases: [], scope: ok.body.summary });
    expect((await call('GET', `/api/reviews/${f.fx.reviewId}/chronology/context`, f.fx.outsider.cookie)).status).toBe(404);
    expect((await call('GET', `${base}/terms-of-reference`, f.fx.observer.cookie)).body.content.teamMembers[0].name).toBe('Ann Team');
  });
});
