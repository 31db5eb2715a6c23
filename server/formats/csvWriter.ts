import { safeCellText } from './cellSafety.js';

/**
 * CSV for people who will open it in Excel. The UTF-8 BOM is what makes Excel read the file as UTF-8
 * (without it "£" and accented names are garbled as Windows-1252); CRLF and quoting follow RFC 4180.
 * Every cell is neutralised against formula injection and stripped of characters no spreadsheet can
 * hold, so `readCsv` gives back exactly the cells written, apart from those two changes.
 */

/** Options for `writeCsv`. */
export interface CsvWriteOptions {
  /** Field separator; default ",". */
  delimiter?: ',' | ';' | '\t';
  /** Start with the UTF-8 byte order mark; default true. */
  bom?: boolean;
}

/**
 * Quotes a field when it holds a quote, a line end or edge spaces, or any delimiter a reader might sniff
 * (not only ours): quoted, a ";" in a one-column file cannot be taken for the separator, and a first
 * cell "sep=;" cannot be taken for Excel's separator line.
 */
function quoteField(text: string): string {
  const needsQuotes = /[",;\t\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Serialises rows as CSV text: BOM, CRLF after every row, every cell neutralised and quoted as needed. */
export function writeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  let out = options.bom === false ? '' : '\uFEFF';
  for (const row of rows) out += `${row.map((cell) => quoteField(safeCellText(cell))).join(delimiter)}\r\n`;
  return out;
}

/** `writeCsv` encoded as UTF-8 bytes, ready to send as `text/csv; charset=utf-8`. */
export function writeCsvBytes(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): Uint8Array {
  return new TextEncoder().encode(writeCsv(rows, options));
}
