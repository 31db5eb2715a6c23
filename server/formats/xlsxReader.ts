import { FormatError } from './FormatError.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import { openZip } from './safeUnzip.js';
import { ParseBudget } from './parseBudget.js';
import { DATE_1904_OFFSET_DAYS, EMPTY_CELL, isoToExcelSerial, type SheetCell } from './sheetCell.js';
import { readDateStyles } from './xlsxDateStyles.js';
import { decodeOoxmlEscapes, invalidXlsx, locateSheet, readSharedStrings, readXml } from './xlsxPackage.js';
import { xmlTokens } from './xmlTokenizer.js';

/**
 * Reads one worksheet of an uploaded .xlsx into rows of `SheetCell`s. Defences, in order: the upload
 * size and zip directory (entry count, names, declared sizes) before anything is inflated; only the
 * parts the sheet needs are inflated, each within the per-entry and total caps; XML with a DTD is
 * refused; rows, columns and cell length are capped as cells are placed. Formulas are never evaluated:
 * a formula cell yields the result Excel cached when it last saved the file, or nothing.
 */

/** Options for `readXlsx`. */
export interface XlsxReadOptions {
  /** Tab name or 0-based index of the sheet to read; default the first sheet. */
  sheet?: string | number;
  /** Narrower caps than the defaults in limits.ts. */
  limits?: Partial<FormatLimits>;
}

/** One worksheet read from a workbook. */
export interface XlsxSheet {
  /** The sheet's tab name. */
  readonly sheetName: string;
  /**
   * Rows in sheet order from row 1 to the last row with content. Each row is trimmed after its last
   * non-empty cell (so rows differ in length); gaps before it are `EMPTY_CELL`; rows without content are `[]`.
   */
  readonly rows: SheetCell[][];
}

/** Excel's grid: column XFD and row 1,048,576. References outside it are malformed, not merely large. */
const EXCEL_MAX_COLUMNS = 16_384;
const EXCEL_MAX_ROWS = 1_048_576;

/** A cell being read: its position, type and style, and the raw text of its `<v>` and `<is>` children. */
interface PendingCell {
  readonly col: number;
  readonly type: string;
  readonly style: number;
  value: string | null;
  inline: string | null;
}

/** Reads a worksheet (the first, or `options.sheet`) from .xlsx bytes within every cap in limits.ts. */
export function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxSheet {
  const limits = resolveLimits(options.limits);
  const budget = new ParseBudget(limits);
  const zip = openZip(bytes, limits);
  const parts = locateSheet(zip, options.sheet);
  const shared = parts.sharedStringsPath === undefined ? [] : readSharedStrings(readXml(zip, parts.sharedStringsPath), limits, budget);
  const dateStyles = parts.stylesPath === undefined ? [] : readDateStyles(readXml(zip, parts.stylesPath), budget);
  const context: CellContext = { shared, dateStyles, date1904: parts.date1904 };
  return { sheetName: parts.sheetName, rows: readSheetData(readXml(zip, parts.sheetPath), context, limits, budget) };
}

/** Reads the rows of a worksheet from .xlsx bytes; `readXlsx` without the sheet name. */
export function readXlsxRows(bytes: Uint8Array, options: XlsxReadOptions = {}): SheetCell[][] {
  return readXlsx(bytes, options).rows;
}

/** Workbook-wide facts needed to turn a raw `<c>` into a `SheetCell`. */
interface CellContext {
  readonly shared: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** Parses a cell reference's column ("B7" → 1); undefined when malformed or outside Excel's grid. */
export function columnIndex(ref: string): number | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?[0-9]+$/.exec(ref);
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= EXCEL_MAX_COLUMNS ? n - 1 : undefined;
}

/** Walks `<sheetData>` and places every non-empty cell, applying the row, column and cell caps. */
function readSheetData(xml: string, context: CellContext, limits: FormatLimits, budget: ParseBudget): SheetCell[][] {
  const rows: SheetCell[][] = [];
  let cells = 0;
  let inSheetData = false;
  let rowIndex = -1;
  let nextCol = 0;
  let cell: PendingCell | null = null;
  let target: 'value' | 'inline' | null = null;
  let inInline = false;
  let phoneticDepth = 0;

  for (const tok of xmlTokens(xml)) {
    budget.step();
    if (tok.kind === 'text') {
      if (cell === null || target === null) continue;
      if (target === 'value') cell.value = (cell.value ?? '') + tok.text;
      else cell.inline = (cell.inline ?? '') + tok.text;
    } else if (tok.kind === 'open') {
      if (tok.name === 'sheetData') inSheetData = true;
      if (!inSheetData) continue;
      if (tok.name === 'row') {
        rowIndex = tok.attrs.r === undefined ? rowIndex + 1 : parseRowNumber(tok.attrs.r) - 1;
        nextCol = 0;
      } else if (tok.name === 'c' && rowIndex >= 0) {
        // Empty cells count too: they cost parsing time even though they are never stored.
        if (++cells > limits.maxCells) throw new FormatError('too_many_cells', `The sheet has more than ${limits.maxCells} cells, so it was not read.`);
        const col = tok.attrs.r === undefined ? nextCol : columnIndex(tok.attrs.r);
        if (col === undefined) throw invalidXlsx('bad cell reference');
        nextCol = col + 1;
        cell = { col, type: tok.attrs.t ?? 'n', style: Number(tok.attrs.s ?? 0), value: null, inline: null };
      } else if (cell !== null) {
        // <f> (the formula) is deliberately never a text target: its text is ignored, not evaluated.
        if (tok.name === 'v') target = 'value';
        else if (tok.name === 'is') inInline = true;
        else if (tok.name === 'rPh') phoneticDepth++;
        else if (tok.name === 't' && inInline && phoneticDepth === 0) {
          target = 'inline';
          cell.inline ??= '';
        }
      }
    } else {
      if (tok.name === 'sheetData') break;
      if (tok.name === 'v' || tok.name === 't') target = null;
      else if (tok.name === 'is') inInline = false;
      else if (tok.name === 'rPh') phoneticDepth--;
      else if (tok.name === 'c' && cell !== null) {
        const value = toSheetCell(cell, context);
        if (value.text !== '') place(rows, rowIndex, cell.col, value, limits);
        cell = null;
        target = null;
        inInline = false;
        phoneticDepth = 0;
      }
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

/** Parses a `<row r>` number; malformed or off-grid numbers make the sheet invalid. */
function parseRowNumber(r: string): number {
  const n = /^[0-9]{1,7}$/.test(r) ? Number(r) : NaN;
  if (!(n >= 1 && n <= EXCEL_MAX_ROWS)) throw invalidXlsx('bad row number');
  return n;
}

/** Puts a non-empty cell into the grid after checking the caps; the error names the row and column. */
function place(rows: SheetCell[][], rowIndex: number, col: number, value: SheetCell, limits: FormatLimits): void {
  if (rowIndex + 1 > limits.maxRows) {
    throw new FormatError('too_many_rows', `The sheet has more than ${limits.maxRows} rows.`);
  }
  if (col + 1 > limits.maxColumns) {
    throw new FormatError('too_many_columns', `Row ${rowIndex + 1} has more than ${limits.maxColumns} columns.`);
  }
  if (value.text.length > limits.maxCellChars) {
    throw new FormatError('cell_too_long', `Row ${rowIndex + 1}, column ${col + 1} is longer than ${limits.maxCellChars} characters.`);
  }
  const row = rows[rowIndex] ?? [];
  rows[rowIndex] = row;
  while (row.length < col) row.push(EMPTY_CELL);
  row[col] = value;
}

/** Turns a raw cell into its value by type; returns EMPTY_CELL for cells without a value. */
function toSheetCell(cell: PendingCell, context: CellContext): SheetCell {
  const raw = cell.value;
  switch (cell.type) {
    case 's': {
      if (raw === null || raw.trim() === '') return EMPTY_CELL;
      const index = /^\s*[0-9]+\s*$/.test(raw) ? Number(raw) : -1;
      const text = context.shared[index];
      if (text === undefined) throw invalidXlsx('bad shared string reference');
      return text === '' ? EMPTY_CELL : { text };
    }
    case 'inlineStr':
      return textCell(decodeOoxmlEscapes(cell.inline ?? raw ?? ''));
    case 'str':
      return textCell(decodeOoxmlEscapes(raw ?? ''));
    case 'e':
      return textCell(raw ?? '');
    case 'b':
      if (raw === null || raw.trim() === '') return EMPTY_CELL;
      return { text: raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE' };
    case 'd': {
      if (raw === null || raw.trim() === '') return EMPTY_CELL;
      const serial = isoToExcelSerial(raw);
      return serial === undefined ? { text: raw } : { text: raw.trim(), number: serial, isDate: true };
    }
    case 'n':
      return numberCell(raw, context.dateStyles[cell.style] === true, context.date1904);
    default:
      throw invalidXlsx('unknown cell type');
  }
}

const textCell = (text: string): SheetCell => (text === '' ? EMPTY_CELL : { text });

/** A numeric cell; date-styled serials from 1904 workbooks are moved to the 1900 system. */
function numberCell(raw: string | null, isDate: boolean, date1904: boolean): SheetCell {
  if (raw === null || raw.trim() === '') return EMPTY_CELL;
  const stored = Number(raw);
  if (!Number.isFinite(stored)) throw invalidXlsx('bad number');
  if (!isDate) return { text: String(stored), number: stored };
  const number = date1904 ? stored + DATE_1904_OFFSET_DAYS : stored;
  return { text: String(stored), number, isDate: true };
}
