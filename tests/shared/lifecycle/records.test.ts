import { describe, expect, it } from 'vitest';
import {
  LifecycleSettingsBodySchema,
  MilestonePlanBodySchema,
  RapidReviewBodySchema,
  ScopingFormBodySchema,
  ScopingStatusBodySchema,
  TermsOfReferenceBodySchema,
  blankScoping,
  emptyRapidReview,
  emptyScopingForm,
  emptyTermsOfReference,
  mayChangeScopingStatus,
  mayEditRapidReview,
  mayEditScopingForm,
  mayExportLifecycle,
  mayReadRapidReview,
  mayReadScoping,
  scopingDigest,
  termsOfReferenceSummary,
  withScopingStatus,
} from '../../../shared/lifecycle/index.js';

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('lifecycle request bodies', () => {
  it('accept DD/MM/YYYY dates and store them as ISO', () => {
    const c = emptyRapidReview();
    const parsed = RapidReviewBodySchema.parse({ baseVersion: 0, content: { ...c, background: { ...c.background, meetingDate: '09/11/2026' } } });
    expect(parsed.content.background.meetingDate).toBe('2026-11-09');
    // A stored ISO date passes through unchanged, so the same schema validates records.
    expect(RapidReviewBodySchema.parse(parsed).content.background.meetingDate).toBe('2026-11-09');
  });

  it('are strict at every level', () => {
    const c = emptyRapidReview();
    expect(RapidReviewBodySchema.safeParse({ baseVersion: 0, content: c, extra: 1 }).success).toBe(false);
    expect(RapidReviewBodySchema.safeParse({ baseVersion: 0, content: { ...c, signOff: { ...c.signOff, chair: 'x' } } }).success).toBe(false);
    expect(RapidReviewBodySchema.safeParse({ baseVersion: 0, content: { ...c, participants: [{ name: 'A', role: '', agencyId: ID, email: 'a@b' }] } }).success).toBe(false);
    expect(ScopingFormBodySchema.safeParse({ baseVersion: 0, form: { ...emptyScopingForm(), extra: '' } }).success).toBe(false);
    expect(TermsOfReferenceBodySchema.safeParse({ baseVersion: 0, content: { ...emptyTermsOfReference(), x: 1 }, periodStart: null, periodEnd: null }).success).toBe(false);
    expect(MilestonePlanBodySchema.safeParse({ baseVersion: 0, referralDate: null, decisionDate: null, publicationDate: null, completed: {}, x: 1 }).success).toBe(false);
  });

  it('refuse "none of the above" with other criteria, and a criterion twice', () => {
    const c = emptyRapidReview();
    expect(RapidReviewBodySchema.safeParse({ baseVersion: 0, content: { ...c, criteria: ['none-of-the-above'] } }).success).toBe(true);
    expect(RapidReviewBodySchema.safeParse({ baseVersion: 0, content: { ...c, criteria: ['none-of-the-above', 'cross-boundary'] } }).success).toBe(false);
    expect(RapidReviewBodySchema.safeParse({ baseVersion: 0, content: { ...c, criteria: ['cross-boundary', 'cross-boundary'] } }).success).toBe(false);
  });

  it('check the partnership timetable with the shared rules', () => {
    const body = (r: Record<string, number>) =>
      LifecycleSettingsBodySchema.safeParse({ rapidReview: { scopingDays: 2, returnsDays: 5, meetingFromDay: 9, meetingToDay: 11, ...r } });
    expect(body({}).success).toBe(true);
    expect(body({ meetingFromDay: 12 }).success).toBe(false);
    expect(body({ meetingToDay: 16 }).success).toBe(false);
    expect(body({ returnsDays: 1 }).success).toBe(false);
    expect(LifecycleSettingsBodySchema.safeParse({ rapidReview: { scopingDays: 2, returnsDays: 5, meetingFromDay: 9 } }).success).toBe(false);
  });

  it('refuse a scoping status date that is not a real day', () => {
    expect(ScopingStatusBodySchema.safeParse({ baseVersion: 0, status: 'returned', date: '29/02/2027' }).success).toBe(false);
    expect(ScopingStatusBodySchema.parse({ baseVersion: 0, status: 'returned', date: '29/02/2028' }).date).toBe('2028-02-29');
  });
});

describe('scoping status changes', () => {
  const s = blankScoping('r', 'a', 'id');
  it('keep each status’s date; "requested" reopens; "not requested" clears', () => {
    const asked = withScopingStatus(s, 'requested', '2026-11-03');
    const back = withScopingStatus(asked, 'returned', '2026-11-09');
    expect(back).toMatchObject({ status: 'returned', requestedOn: '2026-11-03', returnedOn: '2026-11-09', notKnownOn: null });
    expect(withScopingStatus(back, 'not-known', '2026-11-10')).toMatchObject({ status: 'not-known', returnedOn: null, notKnownOn: '2026-11-10' });
    expect(withScopingStatus(back, 'requested', '2026-11-11')).toMatchObject({ status: 'requested', requestedOn: '2026-11-11', returnedOn: null });
    expect(withScopingStatus(back, 'not-requested', '2026-11-11')).toMatchObject({ requestedOn: null, returnedOn: null, notKnownOn: null });
  });
});

describe('lifecycle access rules', () => {
  const lead = { role: 'lead-reviewer' as const, agencyId: null };
  const team = { role: 'review-team' as const, agencyId: null };
  const observer = { role: 'observer' as const, agencyId: null };
  const author = { role: 'agency-author' as const, agencyId: 'pol' };

  it('Rapid Review record and exports: lead reviewer and team edit, observers read, agency authors neither', () => {
    expect([lead, team, observer, author].map(mayReadRapidReview)).toEqual([true, true, true, false]);
    expect([lead, team, observer, author].map(mayEditRapidReview)).toEqual([true, true, false, false]);
    expect([lead, team, observer, author].map(mayExportLifecycle)).toEqual([true, true, false, false]);
  });

  it('scoping: an agency author reads and answers only for their own agency, once', () => {
    expect(mayReadScoping(author, 'pol')).toBe(true);
    expect(mayReadScoping(author, 'icb')).toBe(false);
    expect(mayReadScoping(observer, 'icb')).toBe(true);
    expect(mayEditScopingForm(author, 'pol', 'requested')).toBe(true);
    expect(mayEditScopingForm(author, 'pol', 'returned')).toBe(false);
    expect(mayEditScopingForm(author, 'icb', 'requested')).toBe(false);
    expect(mayEditScopingForm(observer, 'pol', 'requested')).toBe(false);
    expect(mayEditScopingForm(team, 'pol', 'returned')).toBe(true);
    expect(mayChangeScopingStatus(author, 'pol', 'requested', 'returned')).toBe(true);
    expect(mayChangeScopingStatus(author, 'pol', 'not-requested', 'not-known')).toBe(true);
    expect(mayChangeScopingStatus(author, 'pol', 'returned', 'not-known')).toBe(false);
    expect(mayChangeScopingStatus(author, 'pol', 'requested', 'requested')).toBe(false);
    expect(mayChangeScopingStatus(author, 'icb', 'requested', 'returned')).toBe(false);
    expect(mayChangeScopingStatus(observer, 'pol', 'requested', 'returned')).toBe(false);
    expect(mayChangeScopingStatus(lead, 'pol', 'returned', 'requested')).toBe(true);
  });
});

describe('what returned scoping forms give the Rapid Review', () => {
  it('gathers returns, not-known agencies and those still to answer, with suggested text', () => {
    const agency = (id: string, name: string) => ({ id, name, shortCode: id.toUpperCase() });
    const d = scopingDigest([
      {
        agency: agency('pol', 'Police'),
        scoping: { ...blankScoping('r', 'pol', '1'), status: 'returned', returnedOn: '2026-11-09', form: { ...emptyScopingForm(), summaryOfInvolvement: ' Two call-outs. ' } },
      },
      { agency: agency('gp', 'GP practice'), scoping: { ...blankScoping('r', 'gp', '2'), status: 'not-known', notKnownOn: '2026-11-06' } },
      { agency: agency('sch', 'School'), scoping: { ...blankScoping('r', 'sch', '3'), status: 'requested', requestedOn: '2026-11-03' } },
      { agency: agency('amb', 'Ambulance'), scoping: { ...blankScoping('r', 'amb', '4'), status: 'returned', returnedOn: '2026-11-08' } },
    ]);
    expect(d.returned.map((r) => r.agencyName)).toEqual(['Ambulance', 'Police']);
    expect(d.notKnown).toEqual([{ agencyName: 'GP practice', on: '2026-11-06' }]);
    expect(d.outstanding).toEqual([{ agencyName: 'School', status: 'requested' }]);
    expect(d.involvementText).toBe('Police:\nTwo call-outs.');
    expect(d.documentationText).toBe(
      [
        'Initial scoping and information sharing form: Ambulance (08/11/2026)',
        'Initial scoping and information sharing form: Police (09/11/2026)',
        'Confirmation that the family was not known: GP practice (06/11/2026)',
      ].join('\n'),
    );
  });
});

describe('terms of reference for other features', () => {
  it('gives the key lines of enquiry (blank ones dropped) and the review’s period, or null when neither is set', () => {
    expect(termsOfReferenceSummary({ periodStart: null, periodEnd: null }, null)).toBeNull();
    expect(termsOfReferenceSummary({ periodStart: null, periodEnd: null }, { keyLinesOfEnquiry: [' '] })).toBeNull();
    expect(termsOfReferenceSummary({ periodStart: '2025-01-01', periodEnd: null }, { keyLinesOfEnquiry: [' Why? ', ''] })).toEqual({
      keyLinesOfEnquiry: ['Why?'],
      periodStart: '2025-01-01',
      periodEnd: null,
    });
  });
});
