import { describe, expect, it } from 'vitest';
import { DEFAULT_RAPID_REVIEW_CONFIG, RapidReviewConfigSchema, rapidReviewMilestones, type Milestone } from '../../../shared/milestones/index.js';

/** Due dates (and the meeting window's opening) by key, for compact expectations. */
function dates(ms: Milestone[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of ms) out[m.key] = m.opens ? `${m.opens}..${m.due}` : m.due;
  return out;
}

describe('Rapid Review milestones', () => {
  it('follow the toolkit timetable by default, across Easter 2024', () => {
    // Referral Monday 18/03/2024; Good Friday 29/03 and Easter Monday 01/04 are skipped.
    expect(dates(rapidReviewMilestones({ referralDate: '2024-03-18' }))).toEqual({
      'rr-scoping-requests': '2024-03-20',
      'rr-agency-returns': '2024-03-25',
      'rr-meeting': '2024-03-27..2024-04-08',
      'rr-panel-submission': '2024-04-10',
    });
  });

  it('span Christmas and New Year 2023/24', () => {
    expect(dates(rapidReviewMilestones({ referralDate: '2023-12-13' }))).toEqual({
      'rr-scoping-requests': '2023-12-15',
      'rr-agency-returns': '2023-12-20',
      'rr-meeting': '2023-12-22..2024-01-04',
      'rr-panel-submission': '2024-01-08',
    });
  });

  it('span Christmas 2022, when Christmas Day was substituted to Tuesday 27/12', () => {
    expect(dates(rapidReviewMilestones({ referralDate: '2022-12-09' }))).toEqual({
      'rr-scoping-requests': '2022-12-13',
      'rr-agency-returns': '2022-12-16',
      'rr-meeting': '2022-12-20..2022-12-30',
      'rr-panel-submission': '2023-01-04',
    });
  });

  it('span the Queen’s funeral and the coronation', () => {
    expect(rapidReviewMilestones({ referralDate: '2022-09-12' })[3]!.due).toBe('2022-10-04');
    expect(rapidReviewMilestones({ referralDate: '2023-04-28' })[3]!.due).toBe('2023-05-23');
  });

  it('count from a referral received at the weekend as day 0', () => {
    expect(rapidReviewMilestones({ referralDate: '2024-06-15' })[0]!.due).toBe('2024-06-18');
  });

  it('use a partnership’s meeting window (Lewisham 9-11)', () => {
    const ms = rapidReviewMilestones({ referralDate: '2023-12-13', config: { meetingFromDay: 9, meetingToDay: 11 } });
    expect(ms[2]).toMatchObject({ key: 'rr-meeting', opens: '2023-12-28', due: '2024-01-02', label: 'Rapid Review meeting' });
    expect(ms[3]!.due).toBe('2024-01-08');
  });

  it('carry completion dates', () => {
    const ms = rapidReviewMilestones({ referralDate: '2024-03-18', completed: { 'rr-scoping-requests': '2024-03-19' } });
    expect(ms.map((m) => m.doneOn)).toEqual(['2024-03-19', null, null, null]);
  });

  it('refuse invalid input and dates outside the calendar', () => {
    expect(() => rapidReviewMilestones({ referralDate: '18/03/2024' })).toThrow();
    expect(() => rapidReviewMilestones({ referralDate: '2024-02-30' })).toThrow();
    expect(() => rapidReviewMilestones({ referralDate: '2030-12-20' })).toThrow(RangeError);
  });
});

describe('Rapid Review configuration', () => {
  it('defaults to 2, 5 and 7-13 working days', () => {
    expect(DEFAULT_RAPID_REVIEW_CONFIG).toEqual({ scopingDays: 2, returnsDays: 5, meetingFromDay: 7, meetingToDay: 13 });
    expect(RapidReviewConfigSchema.parse({ meetingFromDay: 9, meetingToDay: 11 })).toEqual({
      scopingDays: 2,
      returnsDays: 5,
      meetingFromDay: 9,
      meetingToDay: 11,
    });
  });

  it.each([
    [{ meetingFromDay: 11, meetingToDay: 9 }, 'The meeting window must open on or before the day it closes'],
    [{ meetingToDay: 16 }, 'must be within the 15 working days of a Rapid Review'],
    [{ scopingDays: 0 }, 'must be at least 1 working day'],
    [{ returnsDays: 2.5 }, 'must be a whole number of working days'],
    [{ scopingDays: 6 }, 'Scoping requests must go out on or before the day returns are due'],
    [{ returnsDays: 10, meetingFromDay: 7, meetingToDay: 9 }, 'Agency returns must be due before the meeting window closes'],
  ])('refuses %j', (config, message) => {
    const r = RapidReviewConfigSchema.safeParse(config);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain(message);
  });
});
