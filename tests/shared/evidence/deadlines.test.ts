import { describe, expect, it } from 'vitest';
import { deadlinePhrase, requestDeadline, requestDueDate } from '../../../shared/evidence/index.js';

/** Request deadlines in England and Wales working days. */

describe('request deadlines', () => {
  it('counts working days, skipping weekends and bank holidays', () => {
    // Friday 18/12/2026 + 5 working days: Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25 and Mon 28 are bank holidays), Tue 29.
    expect(requestDueDate('2026-12-18', 5)).toBe('2026-12-29');
    // Monday 02/11/2026 + 20 working days, no holidays: Monday 30/11/2026.
    expect(requestDueDate('2026-11-02', 20)).toBe('2026-11-30');
  });

  it('marks a request overdue by working days, and done once submitted or accepted', () => {
    expect(requestDeadline('2026-11-30', 'in-progress', '2026-12-02')).toEqual({ status: 'overdue', workingDaysLeft: -2 });
    expect(requestDeadline('2026-11-30', 'returned', '2026-12-01')).toEqual({ status: 'overdue', workingDaysLeft: -1 });
    expect(requestDeadline('2026-11-30', 'submitted', '2026-12-02')).toEqual({ status: 'done', workingDaysLeft: null });
    expect(requestDeadline('2026-11-30', 'requested', '2026-11-26')).toEqual({ status: 'due', workingDaysLeft: 2 });
    expect(requestDeadline('2026-11-30', 'requested', '2026-11-20')).toEqual({ status: 'upcoming', workingDaysLeft: 6 });
  });

  it('never reports an overdue request as 0 days late over a weekend', () => {
    // Due Friday 27/11/2026, looked at on Saturday 28/11.
    expect(requestDeadline('2026-11-27', 'requested', '2026-11-28')).toEqual({ status: 'overdue', workingDaysLeft: -1 });
  });

  it('says it in words', () => {
    expect(deadlinePhrase({ status: 'overdue', workingDaysLeft: -2 })).toBe('2 working days overdue');
    expect(deadlinePhrase({ status: 'due', workingDaysLeft: 0 })).toBe('Due today');
    expect(deadlinePhrase({ status: 'upcoming', workingDaysLeft: 1 })).toBe('1 working day left');
    expect(deadlinePhrase({ status: 'done', workingDaysLeft: null })).toBe('Done');
  });
});
