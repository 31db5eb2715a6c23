import { formatUkDate, type IsoDate } from '../dates.js';
import { chronologyDateRange, ChronologyDateSchema, type ChronologyDate } from './chronologyDate.js';
import { parseChronologyDate } from './parseDate.js';

/** The outcome of checking a row's date while it is edited or imported. */
export type EntryDateCheck = {
  /** The date, when it can be read; null with an error otherwise. */
  date: ChronologyDate | null;
  /** Why the date cannot be saved (en-GB), or null. */
  error: string | null;
  /** Something to check that does not block saving, or null. */
  warning: string | null;
  /** True when the whole date falls before the child's birth: allowed, shown so readers know. */
  beforeBirth: boolean;
};

/**
 * Checks a row's date, typed or structured. It must parse (an error otherwise). A date wholly after
 * today gets a warning rather than an error, because a planned event (a conference already booked) is
 * sometimes recorded. A date before the child's birth is allowed: chronologies often start with the
 * parents' history or the pregnancy. "03/2024" during March 2024 is not in the future.
 */
export function validateEntryDate(input: string | ChronologyDate, todayIso: IsoDate, childDateOfBirth: IsoDate | null = null): EntryDateCheck {
  let date: ChronologyDate;
  if (typeof input === 'string') {
    const parsed = parseChronologyDate(input);
    if (!parsed.ok) return { date: null, error: parsed.error, warning: null, beforeBirth: false };
    date = parsed.date;
  } else {
    const parsed = ChronologyDateSchema.safeParse(input);
    if (!parsed.success) return { date: null, error: 'This date is not valid. Enter it again as DD/MM/YYYY, MM/YYYY or YYYY.', warning: null, beforeBirth: false };
    date = parsed.data;
  }
  const { start, end } = chronologyDateRange(date);
  const warning = start > todayIso ? `This date is in the future (today is ${formatUkDate(todayIso)}). Check it is right before saving.` : null;
  const beforeBirth = childDateOfBirth !== null && end < childDateOfBirth;
  return { date, error: null, warning, beforeBirth };
}
