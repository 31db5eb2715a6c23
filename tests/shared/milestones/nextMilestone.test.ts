import { describe, expect, it } from 'vitest';
import { lcsprMilestones, milestoneStatus, nextMilestone, rapidReviewMilestones, type Milestone } from '../../../shared/milestones/index.js';

const rr = (completed: Record<string, string> = {}, referralDate = '2024-03-18') => rapidReviewMilestones({ referralDate, completed });

describe('nextMilestone', () => {
  it('on the referral day, the scoping requests are due in 2 working days', () => {
    expect(nextMilestone(rr(), '2024-03-18')).toMatchObject({
      milestone: { key: 'rr-scoping-requests', due: '2024-03-20' },
      status: 'due',
      workingDaysLeft: 2,
    });
  });

  it('moves on when a milestone is done, and a deadline 4 working days away is upcoming', () => {
    expect(nextMilestone(rr({ 'rr-scoping-requests': '2024-03-19' }), '2024-03-19')).toMatchObject({
      milestone: { key: 'rr-agency-returns' },
      status: 'upcoming',
      workingDaysLeft: 4,
    });
  });

  it('shows a missed deadline first, overdue with negative working days', () => {
    expect(nextMilestone(rr({ 'rr-scoping-requests': '2024-03-19' }), '2024-03-26')).toMatchObject({
      milestone: { key: 'rr-agency-returns', due: '2024-03-25' },
      status: 'overdue',
      workingDaysLeft: -1,
    });
    // Over Easter: returns were due on 25/03; by 03/04 five working days have passed (not Good Friday or Easter Monday).
    expect(nextMilestone(rr({ 'rr-scoping-requests': '2024-03-19' }), '2024-04-03')!.workingDaysLeft).toBe(-5);
  });

  it('is due on the deadline itself with 0 working days left', () => {
    expect(nextMilestone(rr(), '2024-03-20')).toMatchObject({ status: 'due', workingDaysLeft: 0 });
  });

  it('never reports an overdue milestone as 0 working days, even at the weekend after a Friday deadline', () => {
    // Referral Wednesday 12/06/2024: scoping due Friday 14/06.
    const ms = rr({}, '2024-06-12');
    expect(nextMilestone(ms, '2024-06-15')).toMatchObject({ status: 'overdue', workingDaysLeft: -1 });
    expect(nextMilestone(ms, '2024-06-17')).toMatchObject({ status: 'overdue', workingDaysLeft: -1 });
    expect(nextMilestone(ms, '2024-06-18')).toMatchObject({ status: 'overdue', workingDaysLeft: -2 });
  });

  it('treats the meeting as due while its window is open and upcoming before', () => {
    const done = { 'rr-scoping-requests': '2024-03-19', 'rr-agency-returns': '2024-03-25' };
    expect(nextMilestone(rr(done), '2024-03-26')).toMatchObject({ milestone: { key: 'rr-meeting' }, status: 'upcoming' });
    expect(nextMilestone(rr(done), '2024-03-28')).toMatchObject({ milestone: { key: 'rr-meeting' }, status: 'due', workingDaysLeft: 5 });
    expect(nextMilestone(rr(done), '2024-04-09')).toMatchObject({ milestone: { key: 'rr-meeting' }, status: 'overdue', workingDaysLeft: -1 });
  });

  it('returns the last milestone as done when everything is done, and null for no milestones', () => {
    const all = {
      'rr-scoping-requests': '2024-03-19',
      'rr-agency-returns': '2024-03-25',
      'rr-meeting': '2024-04-04',
      'rr-panel-submission': '2024-04-09',
    };
    expect(nextMilestone(rr(all), '2024-05-01')).toMatchObject({ milestone: { key: 'rr-panel-submission' }, status: 'done' });
    expect(nextMilestone([], '2024-05-01')).toBeNull();
  });

  it('keeps list order between milestones due the same day', () => {
    const a: Milestone = { key: 'lcspr-completion', label: 'A', opens: null, due: '2024-07-01', doneOn: null };
    const b: Milestone = { ...a, key: 'lcspr-report-to-panel', label: 'B' };
    expect(nextMilestone([a, b], '2024-06-03')!.milestone.label).toBe('A');
    expect(nextMilestone([b, a], '2024-06-03')!.milestone.label).toBe('B');
  });

  it('works on an LCSPR too', () => {
    const ms = lcsprMilestones({ decisionDate: '2024-01-15', publicationDate: '2024-09-18' });
    expect(nextMilestone(ms, '2024-07-12')).toMatchObject({ milestone: { key: 'lcspr-completion' }, status: 'due', workingDaysLeft: 1 });
  });
});

describe('milestoneStatus', () => {
  const m: Milestone = { key: 'rr-agency-returns', label: 'x', opens: null, due: '2024-06-21', doneOn: null };
  it.each([
    ['2024-06-14', 'upcoming'],
    ['2024-06-18', 'upcoming'],
    ['2024-06-19', 'due'],
    ['2024-06-21', 'due'],
    ['2024-06-22', 'overdue'],
  ])('on %s a deadline of Friday 21/06/2024 is %s', (today, status) => {
    expect(milestoneStatus(m, today)).toBe(status);
  });

  it('is done once completed, even late', () => {
    expect(milestoneStatus({ ...m, doneOn: '2024-06-25' }, '2024-07-01')).toBe('done');
  });
});
