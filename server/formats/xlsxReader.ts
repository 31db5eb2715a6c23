import { FormatError } from './FormatError.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import { isCompoundFile } from './zipDirectory.js';
import { openZip } from './safeUnzip.js';
import { locateSheet, readSharedStrings, readXml } from './xlsxPackage.js';
import { xmlTokens } from './xmlTokenizer.js';

/** One cell read from a sheet: its text, and its serial number when the cell is a date-formatted number. */
export type SheetCell = { text: string; dateSerial?: number };

/** A sheet read into rows, with the workbook's date system. */
export type SheetRows = { rows: SheetCell[][]; date1904: boolean };

/** Built-in number formats that Excel shows as dates (ECMA-376 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Style index -> "is a date format", from styles.xml (cellXfs + custom numFmts). */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  const out: boolean[] = [];
  let inXfs = false;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'open' && t.name === 'numFmt') {
      // A custom format is a date if it has day/month/year codes outside quoted text and brackets.
      const code = (t.attrs.formatCode ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
      custom.set(Number(t.attrs.numFmtId), /[dmy]/.test(code) && !/^[#0.,%]+$/.test(code));
    } else if (t.kind === 'open' && t.name === 'cellXfs') inXfs = !t.selfClosing;
    else if (t.kind === 'close' && t.name === 'cellXfs') inXfs = false;
    else if (t.kind === 'open' && t.name === 'xf' && inXfs) {
      const id = Number(t.attrs.numFmtId ?? 0);
      out.push(BUILTIN_DATE_FORMATS.has(id) || custom.get(id) === true);
    }
  }
  return out;
}

/** "B12" -> zero-based column 1. */
function columnIndex(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

/**
 * Reads the first worksheet of an .xlsx into rows of cells. Formulas are never evaluated: a formula
 * cell yields only the value Excel cached when it last saved. Every cap in limits.ts applies; a
 * legacy .xls (a compound file, not a zip) is refused with a message that says what to do.
 */
export function readXlsx(bytes: Uint8Array, overrides?: Partial<FormatLimits>): SheetRows {
  const limits = resolveLimits(overrides);
  if (isCompoundFile(bytes)) throw new FormatError('legacy_office_file', 'This is an old-style .xls file. Save it as .xlsx (Excel Workbook) and try again.');
  const zip = openZip(bytes, limits);
  const parts = locateSheet(zip, undefined);
  const shared = parts.sharedStringsPath ? readSharedStrings(readXml(zip, parts.sharedStringsPath)) : [];
  const styles = dateStyles(parts.stylesPath ? readXml(zip, parts.stylesPath) : null);
  const rows: SheetCell[][] = [];
  let row: SheetCell[] | null = null;
  let rowIndex = -1;
  let cell: { col: number; type: string; style: number } | null = null;
  let inValue = false;
  let inInlineText = false;
  let value = '';

  for (const t of xmlTokens(readXml(zip, parts.sheetPath))) {
    if (t.kind === 'open') {
      if (t.name === 'row') {
        rowIndex = t.attrs.r ? Number(t.attrs.r) - 1 : rowIndex + 1;
        if (!Number.isInteger(rowIndex) || rowIndex < 0) throw new FormatError('xlsx_invalid', 'The file is not a readable Excel workbook (bad row number).');
        if (rowIndex >= limits.maxRows) throw new FormatError('too_many_rows', `The sheet has more than ${limits.maxRows.toLocaleString('en-GB')} rows.`);
        while (rows.length < rowIndex) rows.push([]);
        row = [];
        rows[rowIndex] = row;
        if (t.selfClosing) row = null;
      } else if (t.name === 'c' && row) {
        const col = t.attrs.r ? columnIndex(t.attrs.r) : row.length;
        if (col >= limits.maxColumns) throw new FormatError('too_many_columns', `The sheet has more than ${limits.maxColumns} columns.`);
        cell = { col, type: t.attrs.t ?? 'n', style: Number(t.attrs.s ?? 0) };
        value = '';
        if (t.selfClosing) cell = null;
      } else if (t.name === 'v' && cell) inValue = !t.selfClosing;
      else if (t.name === 't' && cell && cell.type === 'inlineStr') inInlineText = !t.selfClosing;
    } else if (t.kind === 'text') {
      if (inValue || inInlineText) value += t.text;
    } else if (t.kind === 'close') {
      if (t.name === 'v') inValue = false;
      else if (t.name === 't') inInlineText = false;
      else if (t.name === 'c' && cell && row) {
        let out: SheetCell;
        if (cell.type === 's') out = { text: shared[Number(value)] ?? '' };
        else if (cell.type === 'b') out = { text: value === '1' ? 'TRUE' : 'FALSE' };
        else if (cell.type === 'n' && value !== '' && styles[cell.style]) out = { text: value, dateSerial: Number(value) };
        else out = { text: value };
        if (out.text.length > limits.maxCellChars) throw new FormatError('cell_too_long', `Row ${rowIndex + 1} has a cell longer than ${limits.maxCellChars.toLocaleString('en-GB')} characters.`);
        while (row.length < cell.col) row.push({ text: '' });
        row[cell.col] = out;
        cell = null;
      } else if (t.name === 'row') row = null;
    }
  }
  return { rows: rows.map((r) => r ?? []), date1904: parts.date1904 };
}
