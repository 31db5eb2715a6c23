import { describe, expect, it } from 'vitest';
import { DEFAULT_RAPID_REVIEW_CONFIG, lcsprMilestones, rapidReviewMilestones } from '../../../shared/milestones/index.js';
import { dashboardRows, dashboardSummary, workingDaysPhrase, type DashboardInput } from '../../../shared/lifecycle/index.js';

/** Dashboard shaping against known dates in November 2026 (no bank holidays) and around Christmas 2025. */

const rr = (reviewId: string, referralDate: string, extra: Partial<DashboardInput> = {}, completed = {}): DashboardInput => ({
  reviewId,
  title: `Review ${reviewId}`,
  kind: 'rapid-review',
  role: 'lead-reviewer',
  fictional: false,
  milestones: rapidReviewMilestones({ referralDate, config: DEFAULT_RAPID_REVIEW_CONFIG, completed }),
  problem: null,
  ...extra,
});

describe('milestones dashboard', () => {
  const today = '2026-11-10'; // a Tuesday
  const rows = dashboardRows(
    [
      rr('upcoming-lcspr', '2026-11-02', { kind: 'lcspr', milestones: lcsprMilestones({ decisionDate: '2026-10-01' }) }),
      rr('no-date', '2026-11-02', { milestones: [], problem: 'no-referral-date' }),
      rr('due-soon', '2026-11-09'),
      rr('all-done', '2026-10-01', {}, { 'rr-scoping-requests': '2026-10-02', 'rr-agency-returns': '2026-10-08', 'rr-meeting': '2026-10-14', 'rr-panel-submission': '2026-10-21' }),
      rr('overdue', '2026-11-02'),
      rr('more-overdue', '2026-10-26'),
    ],
    today,
  );

  it('orders overdue (longest first), due now, upcoming, done, then reviews without dates', () => {
    expect(rows.map((r) => r.reviewId)).toEqual(['more-overdue', 'overdue', 'due-soon', 'upcoming-lcspr', 'all-done', 'no-date']);
  });

  it('shows the next milestone with its status and working days left', () => {
    const overdue = rows.find((r) => r.reviewId === 'overdue')!;
    // Referral Monday 02/11: scoping requests due Wednesday 04/11, four working days before Tuesday 10/11.
    expect(overdue.next).toMatchObject({ key: 'rr-scoping-requests', due: '2026-11-04', status: 'overdue', workingDaysLeft: -4 });
    // Agency returns (Monday 09/11) are overdue too; the meeting window (11/11 to 19/11) is not open yet.
    expect(overdue.overdueCount).toBe(2);
    expect(workingDaysPhrase(overdue.next!)).toBe('4 working days overdue');

    const soon = rows.find((r) => r.reviewId === 'due-soon')!;
    expect(soon.next).toMatchObject({ key: 'rr-scoping-requests', due: '2026-11-11', status: 'due', workingDaysLeft: 1 });
    expect(workingDaysPhrase(soon.next!)).toBe('1 working day left');

    const lcspr = rows.find((r) => r.reviewId === 'upcoming-lcspr')!;
    expect(lcspr.next).toMatchObject({ key: 'lcspr-completion', due: '2027-04-01', status: 'upcoming' });

    const done = rows.find((r) => r.reviewId === 'all-done')!;
    expect(done.next).toMatchObject({ key: 'rr-panel-submission', status: 'done', doneOn: '2026-10-21', workingDaysLeft: null });
    expect(workingDaysPhrase(done.next!)).toBe('Done');

    const none = rows.find((r) => r.reviewId === 'no-date')!;
    expect(none.next).toBeNull();
    expect(none.problem).toBe('no-referral-date');
    expect(none).not.toHaveProperty('milestones');
  });

  it('summarises what needs attention', () => {
    expect(dashboardSummary(rows)).toEqual({ overdue: 2, dueNow: 1, total: 6 });
  });

  it('counts working days across Christmas and New Year bank holidays', () => {
    // Referral Friday 19/12/2025: 15 working days skip 25/12, 26/12 and 01/01, landing on Wednesday 14/01/2026.
    const [row] = dashboardRows(
      [
        rr(
          'xmas',
          '2025-12-19',
          {},
          {
            'rr-scoping-requests': '2025-12-23',
            'rr-agency-returns': '2025-12-30',
            'rr-meeting': '2026-01-07',
          },
        ),
      ],
      '2025-12-24',
    );
    expect(row!.next).toMatchObject({ key: 'rr-panel-submission', due: '2026-01-14', status: 'upcoming', workingDaysLeft: 12 });
    expect(workingDaysPhrase(row!.next!)).toBe('12 working days left');
  });

  it('says "due today" on the day and never "overdue, 0 days" at the weekend after a Friday deadline', () => {
    const [onDay] = dashboardRows([rr('a', '2026-11-02')], '2026-11-04');
    expect(workingDaysPhrase(onDay!.next!)).toBe('Due today');
    const [weekend] = dashboardRows([rr('b', '2026-11-04')], '2026-11-07'); // scoping due Friday 06/11; Saturday
    expect(weekend!.next).toMatchObject({ status: 'overdue', workingDaysLeft: -1 });
    expect(workingDaysPhrase(weekend!.next!)).toBe('1 working day overdue');
  });
});
