/**
 * The cell type the spreadsheet readers return. Text alone is not enough for .xlsx: a date typed into
 * Excel is stored as a serial day number whose only sign of being a date is the cell's number format,
 * so a date cell keeps both its number and that fact. Callers turn it into a chronology date with the
 * Excel-serial helper in shared/chronology, always as a 1900-system serial (see `isDate`).
 */

/** One cell as read from a sheet; nothing in it was ever evaluated. */
export interface SheetCell {
  /**
   * The cell's value as text: a string as written; a number in JavaScript's shortest form ("43831",
   * "0.5"); "TRUE"/"FALSE" for booleans; an error code such as "#N/A"; for a formula, its cached result.
   */
  readonly text: string;
  /** Present for numeric cells (including numeric formula results and dates). */
  readonly number?: number;
  /**
   * True when the cell's number format is a date or time format. Its `number` is then an Excel serial
   * in the 1900 date system even if the workbook uses the 1904 system (the reader adds the 1,462-day
   * offset), so callers never need to know which system the file used. The integer part is the day,
   * the fraction the time of day.
   */
  readonly isDate?: boolean;
}

/** The cell used for every gap in a row; shared and frozen, so gaps cost no memory. */
export const EMPTY_CELL: SheetCell = Object.freeze({ text: '' });

/** Days between the 1900 and 1904 date systems' day zero. */
export const DATE_1904_OFFSET_DAYS = 1462;

/** 30/12/1899 in milliseconds: serial 0 in the 1900 system, for dates after 28/02/1900 (Excel's fictitious 29/02/1900 absorbed). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Converts an ISO 8601 date or date-time (as in `t="d"` cells) to a 1900-system serial, or undefined. */
export function isoToExcelSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z?)?$/.exec(iso.trim());
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return Number.isFinite(ms) ? (ms - EXCEL_EPOCH_MS) / 86_400_000 : undefined;
}

/** The text of every cell, for code that matches headers or shows a preview. */
export function cellTexts(rows: readonly (readonly SheetCell[])[]): string[][] {
  return rows.map((row) => row.map((cell) => cell.text));
}

/** Wraps text rows (from CSV) as cells, so an import route can treat both formats alike. */
export function textCells(rows: readonly (readonly string[])[]): SheetCell[][] {
  return rows.map((row) => row.map((text) => (text === '' ? EMPTY_CELL : { text })));
}
