import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../server/formats/xlsxReader.js';
import { readCsv } from '../../../server/formats/csvReader.js';
import { buildXlsx, inlineCell } from './xlsxFixtures.js';
import { catchFormatError } from './catchFormatError.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('parse caps applied while reading', () => {
  it('refuses a shared strings table by its declared count before reading any string', () => {
    const sst = `<?xml version="1.0"?><sst xmlns="${MAIN}" count="1500000" uniqueCount="1500000"><si><t>a</t></si></sst>`;
    const bytes = buildXlsx({ sheetData: '', extra: { 'xl/sharedStrings.xml': strToU8(sst) } });
    const err = catchFormatError(() => readXlsxRows(bytes));
    expect(err.code).toBe('too_many_shared_strings');
    expect(err.message).toContain('200000');
  });

  it('counts shared strings as they are read when the table does not declare its size', () => {
    const bytes = buildXlsx({ sheetData: '', sharedStringsXml: '<si/>'.repeat(1_000) });
    const err = catchFormatError(() => readXlsxRows(bytes, { limits: { maxSharedStrings: 999 } }));
    expect(err.code).toBe('too_many_shared_strings');
    expect(err.status).toBe(413);
    expect(readXlsxRows(bytes, { limits: { maxSharedStrings: 1_000 } })).toEqual([]);
  });

  it('counts empty cells against the cell cap', () => {
    const bytes = buildXlsx({ sheetData: `<row r="1">${'<c/>'.repeat(50)}</row>` });
    expect(readXlsxRows(bytes, { limits: { maxCells: 50 } })).toEqual([]);
    expect(catchFormatError(() => readXlsxRows(bytes, { limits: { maxCells: 49 } })).code).toBe('too_many_cells');
  });

  it('stops a parse that runs past its time budget', () => {
    const rows = Array.from({ length: 5_000 }, (_, r) => `<row r="${r + 1}">${inlineCell(`A${r + 1}`, 'x')}</row>`).join('');
    expect(catchFormatError(() => readXlsxRows(buildXlsx({ sheetData: rows }), { limits: { maxParseMs: 0 } })).code).toBe('too_slow_to_read');
  });

  it('applies the cell cap and time budget to CSV too', () => {
    const csv = strToU8('a,b,c\n'.repeat(100));
    expect(readCsv(csv, { limits: { maxCells: 300 } }).rows).toHaveLength(100);
    expect(catchFormatError(() => readCsv(csv, { limits: { maxCells: 299 } })).code).toBe('too_many_cells');
    expect(catchFormatError(() => readCsv(strToU8('a\n'.repeat(10_000)), { limits: { maxParseMs: 0 } })).code).toBe('too_slow_to_read');
  });
});
