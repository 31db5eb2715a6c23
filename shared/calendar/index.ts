/** The England and Wales working-day calendar: bank holiday data, Easter, and working-day arithmetic. */
export {
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  CALENDAR_FIRST_DAY,
  CALENDAR_LAST_DAY,
  FIRST_COMPUTED_YEAR,
  bankHolidayOn,
  bankHolidaysIn,
  type BankHoliday,
} from './bankHolidays.js';
export { easterSunday, ruleBasedHolidays } from './easter.js';
export {
  addCalendarDays,
  addCalendarMonths,
  compareIso,
  daysInMonth,
  fromDayNumber,
  isWeekend,
  isoFromParts,
  toDayNumber,
  weekday,
  type IsoWeekday,
} from './isoDay.js';
export {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  subtractWorkingDays,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './workingDays.js';
