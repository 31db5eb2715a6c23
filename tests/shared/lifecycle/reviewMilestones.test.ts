import { describe, expect, it } from 'vitest';
import { DEFAULT_RAPID_REVIEW_CONFIG, RapidReviewConfigSchema } from '../../../shared/milestones/index.js';
import { derivedCompletions, milestoneViews, reviewMilestones, type MilestoneFacts } from '../../../shared/lifecycle/index.js';

const blank = { status: 'not-requested' as const, requestedOn: null, returnedOn: null, notKnownOn: null };
const facts = (over: Partial<MilestoneFacts> = {}): MilestoneFacts => ({
  review: { kind: 'rapid-review', referralDate: '2026-11-02' },
  plan: null,
  config: DEFAULT_RAPID_REVIEW_CONFIG,
  scoping: [blank, blank],
  rapidReview: null,
  todayIso: '2026-11-20',
  ...over,
});

describe('a review’s milestones from its records', () => {
  it('uses the partnership’s meeting window (Lewisham: working days 9 to 11)', () => {
    const config = RapidReviewConfigSchema.parse({ meetingFromDay: 9, meetingToDay: 11 });
    const { milestones } = reviewMilestones(facts({ config }));
    // Referral Monday 02/11/2026: day 9 is Friday 13/11, day 11 is Tuesday 17/11.
    expect(milestones.find((m) => m.key === 'rr-meeting')).toMatchObject({ opens: '2026-11-13', due: '2026-11-17' });
    expect(milestones.find((m) => m.key === 'rr-panel-submission')?.due).toBe('2026-11-23');
  });

  it('marks scoping requests done once every agency was asked, on the last request’s date', () => {
    expect(derivedCompletions(facts({ scoping: [{ ...blank, status: 'requested', requestedOn: '2026-11-03' }, blank] }))).toEqual({});
    const done = derivedCompletions(
      facts({
        scoping: [
          { ...blank, status: 'requested', requestedOn: '2026-11-03' },
          { ...blank, status: 'requested', requestedOn: '2026-11-04' },
        ],
      }),
    );
    expect(done).toEqual({ 'rr-scoping-requests': '2026-11-04' });
  });

  it('marks agency returns done once every agency returned or said the family was not known to it', () => {
    const done = derivedCompletions(
      facts({
        scoping: [
          { status: 'returned', requestedOn: '2026-11-03', returnedOn: '2026-11-09', notKnownOn: null },
          // Answered without a recorded request: the answer counts as having been asked.
          { status: 'not-known', requestedOn: null, returnedOn: null, notKnownOn: '2026-11-05' },
        ],
      }),
    );
    expect(done).toEqual({ 'rr-scoping-requests': '2026-11-05', 'rr-agency-returns': '2026-11-09' });
  });

  it('counts a meeting and a submission only once their dates have passed', () => {
    const booked = derivedCompletions(facts({ rapidReview: { meetingDate: '2026-11-25', dateSubmitted: null }, todayIso: '2026-11-20' }));
    expect(booked).toEqual({});
    const held = derivedCompletions(facts({ rapidReview: { meetingDate: '2026-11-12', dateSubmitted: '2026-11-16' } }));
    expect(held).toEqual({ 'rr-meeting': '2026-11-12', 'rr-panel-submission': '2026-11-16' });
  });

  it('lets a date marked by hand win over a derived one', () => {
    const { milestones } = reviewMilestones(
      facts({
        rapidReview: { meetingDate: '2026-11-12', dateSubmitted: null },
        plan: { decisionDate: null, publicationDate: null, completed: { 'rr-meeting': '2026-11-11' } },
      }),
    );
    expect(milestones.find((m) => m.key === 'rr-meeting')?.doneOn).toBe('2026-11-11');
  });

  it('adds the LCSPR milestones once a decision is recorded, and an LCSPR has only those', () => {
    const plan = { decisionDate: '2026-08-31', publicationDate: '2027-03-10', completed: {} };
    const rr = reviewMilestones(facts({ plan }));
    expect(rr.milestones.map((m) => m.key)).toEqual([
      'rr-scoping-requests',
      'rr-agency-returns',
      'rr-meeting',
      'rr-panel-submission',
      'lcspr-completion',
      'lcspr-report-to-panel',
      'lcspr-publication',
    ]);
    const lcspr = reviewMilestones(facts({ review: { kind: 'lcspr', referralDate: '2026-11-02' }, plan }));
    // Six months from 31/08 clamps to 28/02; seven working days before Wednesday 10/03/2027 is Monday 01/03.
    expect(lcspr.milestones.map((m) => [m.key, m.due])).toEqual([
      ['lcspr-completion', '2027-02-28'],
      ['lcspr-report-to-panel', '2027-03-01'],
      ['lcspr-publication', '2027-03-10'],
    ]);
  });

  it('reports a missing or out-of-range date as a problem rather than failing', () => {
    expect(reviewMilestones(facts({ review: { kind: 'rapid-review', referralDate: null } }))).toEqual({ milestones: [], problem: 'no-referral-date' });
    expect(reviewMilestones(facts({ review: { kind: 'lcspr', referralDate: null } }))).toEqual({ milestones: [], problem: 'no-decision-date' });
    expect(reviewMilestones(facts({ review: { kind: 'rapid-review', referralDate: '2030-12-20' } })).problem).toBe('outside-calendar');
  });

  it('still shows milestones when today is beyond the calendar data, without counting days', () => {
    const { milestones } = reviewMilestones(facts());
    const views = milestoneViews(milestones, '2031-01-06');
    expect(views.every((v) => v.status === 'overdue' && v.workingDaysLeft === null)).toBe(true);
  });
});
