import type { IsoDate } from '../dates.js';

/**
 * England and Wales bank holidays, 2018 to 2030, kept as data rather than computed at run time, because
 * the real list is a political decision: holidays move (the early May holiday of 2020 became VE Day,
 * Friday 08/05/2020; the spring holiday of 2022 became Thursday 02/06/2022) and one-off holidays are
 * added (the Platinum Jubilee, the Queen's funeral, the coronation).
 *
 * Source:
 * - 2018 to 2027: GOV.UK, "UK bank holidays", https://www.gov.uk/bank-holidays.json, division
 *   "england-and-wales" (titles and substitute-day notes as published there).
 * - 2028 to 2030: not yet published when this table was written. Computed by the standard rules
 *   (`ruleBasedHolidays` in easter.ts): New Year's Day, Good Friday, Easter Monday, first and last
 *   Monday of May, last Monday of August, Christmas Day and Boxing Day, with a substitute weekday when
 *   a fixed holiday falls at a weekend. A test checks these rows against the rules. Replace them with
 *   the published list when GOV.UK publishes those years, because a one-off holiday may be added.
 */

/** One bank holiday, in the shape GOV.UK publishes. */
export type BankHoliday = {
  /** The day off, as ISO. */
  date: IsoDate;
  /** The holiday's name, as GOV.UK titles it. */
  title: string;
  /** 'Substitute day', 'Extra bank holiday', or '' as in the published list. */
  notes: string;
};

/** First day the working-day calendar covers. */
export const CALENDAR_FIRST_DAY: IsoDate = '2018-01-01';

/** Last day the working-day calendar covers; extend the table below to go further. */
export const CALENDAR_LAST_DAY: IsoDate = '2030-12-31';

/** First year with a computed (not yet published) list; see the source note above. */
export const FIRST_COMPUTED_YEAR = 2028;

const h = (date: IsoDate, title: string, notes = ''): BankHoliday => ({ date, title, notes });
const SUB = 'Substitute day';
const EXTRA = 'Extra bank holiday';

/** Every England and Wales bank holiday from 2018 to 2030, in date order. */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze(
  [
    // 2018
    h('2018-01-01', 'New Year’s Day'),
    h('2018-03-30', 'Good Friday'),
    h('2018-04-02', 'Easter Monday'),
    h('2018-05-07', 'Early May bank holiday'),
    h('2018-05-28', 'Spring bank holiday'),
    h('2018-08-27', 'Summer bank holiday'),
    h('2018-12-25', 'Christmas Day'),
    h('2018-12-26', 'Boxing Day'),
    // 2019
    h('2019-01-01', 'New Year’s Day'),
    h('2019-04-19', 'Good Friday'),
    h('2019-04-22', 'Easter Monday'),
    h('2019-05-06', 'Early May bank holiday'),
    h('2019-05-27', 'Spring bank holiday'),
    h('2019-08-26', 'Summer bank holiday'),
    h('2019-12-25', 'Christmas Day'),
    h('2019-12-26', 'Boxing Day'),
    // 2020: the early May holiday moved from Monday 4 May to Friday 8 May for the 75th anniversary of VE Day.
    h('2020-01-01', 'New Year’s Day'),
    h('2020-04-10', 'Good Friday'),
    h('2020-04-13', 'Easter Monday'),
    h('2020-05-08', 'Early May bank holiday (VE day)'),
    h('2020-05-25', 'Spring bank holiday'),
    h('2020-08-31', 'Summer bank holiday'),
    h('2020-12-25', 'Christmas Day'),
    h('2020-12-28', 'Boxing Day', SUB),
    // 2021: Christmas Day and Boxing Day fell on Saturday and Sunday.
    h('2021-01-01', 'New Year’s Day'),
    h('2021-04-02', 'Good Friday'),
    h('2021-04-05', 'Easter Monday'),
    h('2021-05-03', 'Early May bank holiday'),
    h('2021-05-31', 'Spring bank holiday'),
    h('2021-08-30', 'Summer bank holiday'),
    h('2021-12-27', 'Christmas Day', SUB),
    h('2021-12-28', 'Boxing Day', SUB),
    // 2022: the spring holiday moved to Thursday 2 June, with an extra day on Friday 3 June for the
    // Platinum Jubilee; Monday 19 September was the State Funeral of Queen Elizabeth II.
    h('2022-01-03', 'New Year’s Day', SUB),
    h('2022-04-15', 'Good Friday'),
    h('2022-04-18', 'Easter Monday'),
    h('2022-05-02', 'Early May bank holiday'),
    h('2022-06-02', 'Spring bank holiday'),
    h('2022-06-03', 'Platinum Jubilee bank holiday', EXTRA),
    h('2022-08-29', 'Summer bank holiday'),
    h('2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II', EXTRA),
    h('2022-12-26', 'Boxing Day'),
    h('2022-12-27', 'Christmas Day', SUB),
    // 2023: Monday 8 May was the extra holiday for the coronation of King Charles III.
    h('2023-01-02', 'New Year’s Day', SUB),
    h('2023-04-07', 'Good Friday'),
    h('2023-04-10', 'Easter Monday'),
    h('2023-05-01', 'Early May bank holiday'),
    h('2023-05-08', 'Bank holiday for the coronation of King Charles III', EXTRA),
    h('2023-05-29', 'Spring bank holiday'),
    h('2023-08-28', 'Summer bank holiday'),
    h('2023-12-25', 'Christmas Day'),
    h('2023-12-26', 'Boxing Day'),
    // 2024
    h('2024-01-01', 'New Year’s Day'),
    h('2024-03-29', 'Good Friday'),
    h('2024-04-01', 'Easter Monday'),
    h('2024-05-06', 'Early May bank holiday'),
    h('2024-05-27', 'Spring bank holiday'),
    h('2024-08-26', 'Summer bank holiday'),
    h('2024-12-25', 'Christmas Day'),
    h('2024-12-26', 'Boxing Day'),
    // 2025
    h('2025-01-01', 'New Year’s Day'),
    h('2025-04-18', 'Good Friday'),
    h('2025-04-21', 'Easter Monday'),
    h('2025-05-05', 'Early May bank holiday'),
    h('2025-05-26', 'Spring bank holiday'),
    h('2025-08-25', 'Summer bank holiday'),
    h('2025-12-25', 'Christmas Day'),
    h('2025-12-26', 'Boxing Day'),
    // 2026: Boxing Day falls on a Saturday.
    h('2026-01-01', 'New Year’s Day'),
    h('2026-04-03', 'Good Friday'),
    h('2026-04-06', 'Easter Monday'),
    h('2026-05-04', 'Early May bank holiday'),
    h('2026-05-25', 'Spring bank holiday'),
    h('2026-08-31', 'Summer bank holiday'),
    h('2026-12-25', 'Christmas Day'),
    h('2026-12-28', 'Boxing Day', SUB),
    // 2027: Christmas Day and Boxing Day fall on Saturday and Sunday.
    h('2027-01-01', 'New Year’s Day'),
    h('2027-03-26', 'Good Friday'),
    h('2027-03-29', 'Easter Monday'),
    h('2027-05-03', 'Early May bank holiday'),
    h('2027-05-31', 'Spring bank holiday'),
    h('2027-08-30', 'Summer bank holiday'),
    h('2027-12-27', 'Christmas Day', SUB),
    h('2027-12-28', 'Boxing Day', SUB),
    // 2028 (computed by the standard rules; not yet published): New Year's Day falls on a Saturday.
    h('2028-01-03', 'New Year’s Day', SUB),
    h('2028-04-14', 'Good Friday'),
    h('2028-04-17', 'Easter Monday'),
    h('2028-05-01', 'Early May bank holiday'),
    h('2028-05-29', 'Spring bank holiday'),
    h('2028-08-28', 'Summer bank holiday'),
    h('2028-12-25', 'Christmas Day'),
    h('2028-12-26', 'Boxing Day'),
    // 2029 (computed by the standard rules; not yet published)
    h('2029-01-01', 'New Year’s Day'),
    h('2029-03-30', 'Good Friday'),
    h('2029-04-02', 'Easter Monday'),
    h('2029-05-07', 'Early May bank holiday'),
    h('2029-05-28', 'Spring bank holiday'),
    h('2029-08-27', 'Summer bank holiday'),
    h('2029-12-25', 'Christmas Day'),
    h('2029-12-26', 'Boxing Day'),
    // 2030 (computed by the standard rules; not yet published)
    h('2030-01-01', 'New Year’s Day'),
    h('2030-04-19', 'Good Friday'),
    h('2030-04-22', 'Easter Monday'),
    h('2030-05-06', 'Early May bank holiday'),
    h('2030-05-27', 'Spring bank holiday'),
    h('2030-08-26', 'Summer bank holiday'),
    h('2030-12-25', 'Christmas Day'),
    h('2030-12-26', 'Boxing Day'),
  ].map((x) => Object.freeze(x)),
);

const BY_DATE: ReadonlyMap<string, BankHoliday> = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((x) => [x.date, x]));

/** The bank holiday on a date, or undefined; the caller checks the date is in range first. */
export function bankHolidayOn(iso: string): BankHoliday | undefined {
  return BY_DATE.get(iso);
}

/** The bank holidays of one year in the table (empty outside 2018-2030). */
export function bankHolidaysIn(year: number): BankHoliday[] {
  const prefix = `${year}-`;
  return ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((x) => x.date.startsWith(prefix));
}
