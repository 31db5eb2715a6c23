import { addWorkingDays, workingDaysBetween } from '../calendar/index.js';
import type { IsoDate } from '../dates.js';
import { isAwaitingAgency, type EvidenceStatus } from './status.js';

/**
 * Request deadlines, counted in England and Wales working days with the shared calendar (day 0 is the
 * day the request is sent; +1 the next working day).
 */

/** The due date of a request sent on `sentOn` with `workingDays` to answer. Throws RangeError outside the calendar data. */
export function requestDueDate(sentOn: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(sentOn, workingDays);
}

/** Where a request stands against its deadline. */
export type DeadlineStatus = 'done' | 'overdue' | 'due' | 'upcoming';

/** Working days before the due date from which a request counts as "due now" (as milestones do). */
export const REQUEST_DUE_SOON_WORKING_DAYS = 2;

/** Status words for deadlines; shown with an icon. */
export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  done: 'Done',
  overdue: 'Overdue',
  due: 'Due now',
  upcoming: 'Upcoming',
};

/**
 * Where a request stands on `todayIso`. Done once the agency has nothing left to do (submitted or
 * accepted); a returned request is owed again and can be overdue. Working days left are negative when
 * overdue and never 0 for an overdue request (a weekend after a Friday deadline), null when done or
 * outside the calendar data.
 */
export function requestDeadline(due: IsoDate, status: EvidenceStatus, todayIso: IsoDate): { status: DeadlineStatus; workingDaysLeft: number | null } {
  if (!isAwaitingAgency(status)) return { status: 'done', workingDaysLeft: null };
  let left: number | null = null;
  try {
    left = workingDaysBetween(todayIso, due);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  if (todayIso > due) return { status: 'overdue', workingDaysLeft: left === null ? null : Math.min(left, -1) };
  if (left !== null && left <= REQUEST_DUE_SOON_WORKING_DAYS) return { status: 'due', workingDaysLeft: left };
  return { status: 'upcoming', workingDaysLeft: left };
}

/** "3 working days left", "Due today", "2 working days overdue", "Done". */
export function deadlinePhrase(d: { status: DeadlineStatus; workingDaysLeft: number | null }): string {
  if (d.status === 'done') return 'Done';
  const n = d.workingDaysLeft;
  if (n === null) return d.status === 'overdue' ? 'Overdue' : 'Cannot be counted';
  if (n < 0) return `${-n} working ${-n === 1 ? 'day' : 'days'} overdue`;
  if (n === 0) return 'Due today';
  return `${n} working ${n === 1 ? 'day' : 'days'} left`;
}
