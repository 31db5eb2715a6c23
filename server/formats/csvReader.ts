import { FormatError } from './FormatError.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import type { SheetCell } from './xlsxReader.js';

/** Decodes CSV bytes: UTF-8 (with or without BOM), else Windows-1252 as Excel's "CSV" export writes it. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new FormatError('csv_binary', 'The file is not a text CSV file.');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Picks the delimiter from the first line: comma, semicolon (European Excel) or tab. */
function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, newlines inside quotes) within the caps. */
export function readCsv(bytes: Uint8Array, overrides?: Partial<FormatLimits>): { rows: SheetCell[][] } {
  const limits = resolveLimits(overrides);
  if (bytes.length > limits.maxUploadBytes) throw new FormatError('file_too_large', 'The file is larger than the upload limit.');
  const text = decodeCsvBytes(bytes);
  const delim = sniffDelimiter(text);
  const rows: SheetCell[][] = [];
  let row: SheetCell[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    if (field.length > limits.maxCellChars) throw new FormatError('cell_too_long', `Row ${rows.length + 1} has a cell longer than ${limits.maxCellChars.toLocaleString('en-GB')} characters.`);
    row.push({ text: field });
    if (row.length > limits.maxColumns) throw new FormatError('too_many_columns', `The file has more than ${limits.maxColumns} columns.`);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    if (rows.length > limits.maxRows) throw new FormatError('too_many_rows', `The file has more than ${limits.maxRows.toLocaleString('en-GB')} rows.`);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) endField();
    else if (ch === '\r' && text[i + 1] === '\n') { endRow(); i++; }
    else if (ch === '\n' || ch === '\r') endRow();
    else field += ch;
    i++;
  }
  if (quoted) throw new FormatError('csv_unterminated_quote', `Row ${rows.length + 1} has a quoted value that never ends.`);
  if (field !== '' || row.length > 0) endRow();
  return { rows };
}
