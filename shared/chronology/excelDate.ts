import type { ChronologyDate } from './chronologyDate.js';
import { MAX_CHRONOLOGY_YEAR, MIN_CHRONOLOGY_YEAR } from './limits.js';

/** Excel's day 0 is 30/12/1899 in the 1900 date system (its fictitious 29/02/1900 is absorbed for later dates). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Reads an Excel serial day number (1900 system; the spreadsheet reader converts 1904 workbooks) as an exact date. */
export function dateFromExcelSerial(serial: number): ChronologyDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  const year = d.getUTCFullYear();
  if (year < MIN_CHRONOLOGY_YEAR || year > MAX_CHRONOLOGY_YEAR) return null;
  return { precision: 'day', year, month: d.getUTCMonth() + 1, day: d.getUTCDate(), uncertainty: 'none' };
}

/**
 * Widens a two-digit year in a D/M/YY date ("4/3/19") using the file's own era: years up to the
 * current year's last two digits are this century, later ones the last. Typed dates refuse two-digit
 * years; imported files, written by agencies' systems, use them often.
 */
export function expandTwoDigitYear(text: string, currentYear: number): string {
  return text.replace(/^(\s*(?:c\.?\s*|\?\s*)?\d{1,2}[/.-]\d{1,2}[/.-])(\d{2})(\s*\??\s*)$/, (_m, head: string, yy: string, tail: string) => {
    const n = Number(yy);
    const century = Math.floor(currentYear / 100) * 100;
    return `${head}${n <= currentYear % 100 ? century + n : century - 100 + n}${tail}`;
  });
}
