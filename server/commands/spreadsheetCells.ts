import type { ImportCell } from '../../shared/chronology/index.js';
import { HttpError } from '../http/errors.js';
import { readCsv } from '../formats/csvReader.js';
import { readXlsxRows } from '../formats/xlsxReader.js';
import type { SheetCell } from '../formats/sheetCell.js';

/** Turns a reader's cell into the shared importer's cell: a date-formatted number keeps its serial. */
function toImportCell(c: SheetCell): ImportCell {
  return c.isDate && c.number !== undefined ? { text: c.text, dateSerial: c.number } : { text: c.text };
}

/** Reads an uploaded .xlsx or .csv (by name, then by content) into rows of import cells, within every format cap. */
export function readUploadCells(bytes: Uint8Array, filename: string): ImportCell[][] {
  const lower = filename.toLowerCase();
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (lower.endsWith('.xlsx') || (isZip && !lower.endsWith('.csv'))) return readXlsxRows(bytes).map((r) => r.map(toImportCell));
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || !isZip) {
    if (lower.endsWith('.xls') || lower.endsWith('.docx') || lower.endsWith('.doc')) {
      throw new HttpError(415, 'unsupported-file', 'Upload the chronology as .xlsx or .csv.');
    }
    return readCsv(bytes).rows.map((r) => r.map(toImportCell));
  }
  throw new HttpError(415, 'unsupported-file', 'Upload the chronology as .xlsx or .csv.');
}
