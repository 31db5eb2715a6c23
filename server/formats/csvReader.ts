import { FormatError } from './FormatError.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import { ParseBudget } from './parseBudget.js';
import { textCells, type SheetCell } from './sheetCell.js';
import { decodeUploadedText, type TextEncodingName } from './textDecoding.js';
import { isCompoundFile } from './zipDirectory.js';

/**
 * RFC 4180 CSV reader for agency chronologies, lenient where Excel and LibreOffice are lenient and strict
 * where leniency would hide lost data:
 * - fields may be quoted; `""` inside quotes is one quote; quoted fields may span lines;
 * - records end with CRLF, LF or a lone CR (line ends inside quoted fields are kept as written);
 * - text after a closing quote, and a quote inside an unquoted field, are kept literally (as Excel does);
 * - a quote still open at the end of the file is an error, since everything after it would be one cell;
 * - the delimiter is Excel's `sep=X` first line if present, else whichever of `,` `;` tab is most common
 *   outside quotes in the first record that has any (Excel in many European locales writes `;`).
 * Cells are text exactly as written: nothing is trimmed, converted or evaluated.
 */

/** The delimiters we recognise. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Options for `readCsv`. */
export interface CsvReadOptions {
  /** Skip sniffing and use this delimiter. */
  delimiter?: CsvDelimiter;
  /** Narrower caps than the defaults in limits.ts. */
  limits?: Partial<FormatLimits>;
}

/** A parsed CSV file. */
export interface CsvTable {
  /**
   * One row per record, cells as text only (CSV has no types), so import code treats CSV and .xlsx alike.
   * Rows with no content are `[]` (kept so row numbers match what the uploader sees in Excel); trailing
   * empty rows are dropped, as are empty fields past `maxColumns`.
   */
  readonly rows: SheetCell[][];
  /** The delimiter used. */
  readonly delimiter: CsvDelimiter;
  /** The encoding the bytes were read as. */
  readonly encoding: TextEncodingName;
}

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
/** How many records the sniffer looks through for one that contains a candidate delimiter. */
const SNIFF_RECORDS = 10;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SEP_LINE = /^sep=([,;\t])(?:\r\n|\n|\r|$)/;

/** Reads CSV bytes into rows within every cap in limits.ts; throws FormatError for refused files. */
export function readCsv(bytes: Uint8Array, options: CsvReadOptions = {}): CsvTable {
  const limits = resolveLimits(options.limits);
  if (bytes.length > limits.maxUploadBytes) {
    throw new FormatError('file_too_large', 'The file is larger than the upload limit.');
  }
  assertNotWorkbook(bytes);
  const { text: decoded, encoding } = decodeUploadedText(bytes);
  if (decoded.includes('\u0000')) {
    throw new FormatError('csv_binary', 'The file does not look like a CSV text file. Save it as CSV and try again.');
  }
  let text = decoded;
  let delimiter = options.delimiter;
  const sep = SEP_LINE.exec(text);
  if (sep) {
    delimiter ??= sep[1] as CsvDelimiter;
    text = text.slice(sep[0].length);
  }
  delimiter ??= sniffDelimiter(text);
  return { rows: textCells(parseRecords(text, delimiter, limits)), delimiter, encoding };
}

/** Reads the rows of CSV bytes; `readCsv` without the metadata. */
export function readCsvRows(bytes: Uint8Array, options: CsvReadOptions = {}): SheetCell[][] {
  return readCsv(bytes, options).rows;
}

/** Workbooks uploaded under a .csv name get a message that says what to do instead. */
function assertNotWorkbook(bytes: Uint8Array): void {
  if (isCompoundFile(bytes)) {
    throw new FormatError('legacy_office_file', 'This is an old-format Excel file (.xls), not a CSV file. Save it as .xlsx or CSV and try again.');
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new FormatError('csv_binary', 'This looks like an Excel workbook, not a CSV file. Upload it as .xlsx.');
  }
}

/**
 * Picks the delimiter: in the first record (of up to ten) that contains any candidate outside quotes,
 * the most frequent one; ties and files with none go to ",". A title line without delimiters (or with
 * its commas quoted) is thereby skipped in favour of the header row.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let inQuotes = false;
  let records = 0;
  for (let i = 0; i <= text.length && records < SNIFF_RECORDS; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === undefined || c === '\n' || c === '\r') {
      if (counts.size > 0) break;
      if (c === '\r' && text[i + 1] === '\n') i++;
      records++;
    } else if (CANDIDATES.includes(c as CsvDelimiter)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Splits text into records and fields, applying the row, column and cell caps as it goes. */
function parseRecords(text: string, delimiter: CsvDelimiter, limits: FormatLimits): string[][] {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  // Blank records are counted, not stored, until content follows them: a file of nothing but line
  // ends must not become millions of arrays, and trailing blanks are never materialised.
  let pendingBlank = 0;
  let row: string[] = [];
  let col = 0;
  let i = 0;
  let cells = 0;
  const budget = new ParseBudget(limits);
  for (;;) {
    budget.step();
    const record = rows.length + pendingBlank + 1;
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      const read = readQuoted(text, i + 1, delim, record);
      field = read.field;
      i = read.next;
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === CR || c === LF) break;
        i++;
      }
      field = text.slice(start, i);
    }
    // Only fields with content are stored, so only they count; blank runs are bounded by the time budget.
    if (field !== '' && ++cells > limits.maxCells) throw new FormatError('too_many_cells', `The file has more than ${limits.maxCells} filled cells, so it was not read.`);
    if (field.length > limits.maxCellChars) {
      throw new FormatError('cell_too_long', `Row ${record}, column ${col + 1} is longer than ${limits.maxCellChars} characters.`);
    }
    if (col < limits.maxColumns) row.push(field);
    else if (field !== '') {
      throw new FormatError('too_many_columns', `Row ${record} has more than ${limits.maxColumns} columns.`);
    }
    col++;

    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      continue;
    }
    // End of record: CRLF, LF, lone CR, or end of text.
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    if (row.every((f) => f === '')) pendingBlank++;
    else {
      if (record > limits.maxRows) {
        throw new FormatError('too_many_rows', `The file has more than ${limits.maxRows} rows.`);
      }
      for (; pendingBlank > 0; pendingBlank--) rows.push([]);
      rows.push(row);
    }
    if (i >= n) return rows;
    row = [];
    col = 0;
  }
}

/**
 * Reads a quoted field whose opening quote is just before `start`. Returns the field (with `""`
 * unescaped, and any text between the closing quote and the next delimiter or line end appended
 * literally) and the index of that delimiter or line end.
 */
function readQuoted(text: string, start: number, delim: number, record: number): { field: string; next: number } {
  let field = '';
  let i = start;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) {
      throw new FormatError('csv_unterminated_quote', `Row ${record} opens a quoted cell that is never closed, so the rest of the file would be one cell.`);
    }
    field += text.slice(i, q);
    if (text.charCodeAt(q + 1) !== QUOTE) {
      i = q + 1;
      break;
    }
    field += '"';
    i = q + 2;
  }
  const tailStart = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === delim || c === CR || c === LF) break;
    i++;
  }
  return { field: field + text.slice(tailStart, i), next: i };
}
