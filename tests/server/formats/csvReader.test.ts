import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCsv, readCsvRows, sniffDelimiter } from '../../../server/formats/csvReader.js';
import { cellTexts } from '../../../server/formats/sheetCell.js';
import { decodeUploadedText, decodeWindows1252 } from '../../../server/formats/textDecoding.js';
import { catchFormatError } from './catchFormatError.js';

/** Text of every cell of a CSV given as a string (UTF-8 encoded). */
const csv = (text: string, options?: Parameters<typeof readCsv>[1]): string[][] => cellTexts(readCsvRows(strToU8(text), options));

describe('readCsv: RFC 4180', () => {
  it('reads quoted fields, doubled quotes, and delimiters and newlines inside quotes', () => {
    expect(csv('Date,Event\r\n01/02/2020,"She said, ""fine""\r\nthen left"\r\n"",x\r\n')).toEqual([
      ['Date', 'Event'],
      ['01/02/2020', 'She said, "fine"\r\nthen left'],
      ['', 'x'],
    ]);
  });

  it('accepts LF, CRLF, lone CR and a missing final line end alike', () => {
    const expected = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    expect(csv('a,b\nc,d\n')).toEqual(expected);
    expect(csv('a,b\r\nc,d\r\n')).toEqual(expected);
    expect(csv('a,b\rc,d')).toEqual(expected);
    expect(csv('a,b\nc,d')).toEqual(expected);
  });

  it('keeps empty fields, blank rows in the middle as [], and drops trailing blank rows', () => {
    expect(csv('a,,c\n\n,,\nd,e,\n\n\n,,,\n')).toEqual([['a', '', 'c'], [], [], ['d', 'e', '']]);
    expect(csv('')).toEqual([]);
    expect(csv('\r\n\r\n')).toEqual([]);
  });

  it('keeps stray quotes as Excel does: inside an unquoted field, and after a closing quote', () => {
    expect(csv('5" tall,"quoted" tail,x\n')).toEqual([['5" tall', 'quoted tail', 'x']]);
  });

  it('keeps leading and trailing spaces and never converts values', () => {
    const [row] = readCsvRows(strToU8(' a , 007,=1+1,1E3\n'));
    expect(row).toEqual([{ text: ' a ' }, { text: ' 007' }, { text: '=1+1' }, { text: '1E3' }]);
  });

  it('refuses a quote that is never closed, naming the row where it opened', () => {
    const err = catchFormatError(() => readCsv(strToU8('a,b\nc,"never\nclosed,d\n')));
    expect([err.code, err.status]).toEqual(['csv_unterminated_quote', 400]);
    expect(err.message).toMatch(/^Row 2 /);
  });
});

describe('readCsv: delimiters', () => {
  it('sniffs semicolons and tabs from the header row', () => {
    const semi = readCsv(strToU8('Date;Source of information;Key event\r\n01/02/2020;GP;Seen, well\r\n'));
    expect(semi.delimiter).toBe(';');
    expect(cellTexts(semi.rows)).toEqual([
      ['Date', 'Source of information', 'Key event'],
      ['01/02/2020', 'GP', 'Seen, well'],
    ]);
    expect(csv('a\tb\tc;d\n1\t2\t3;4\n')).toEqual([
      ['a', 'b', 'c;d'],
      ['1', '2', '3;4'],
    ]);
  });

  it('skips a title line without delimiters, and ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('OFFICIAL-SENSITIVE\r\nDate;Event;Category\r\n')).toBe(';');
    expect(sniffDelimiter('"Title, with commas, here"\r\nDate;Event\r\n')).toBe(';');
    expect(sniffDelimiter('no delimiters at all')).toBe(',');
  });

  it('honours Excel’s sep= line and an explicit option', () => {
    expect(csv('sep=;\r\na,b;c\r\n')).toEqual([['a,b', 'c']]);
    expect(csv('a;b,c\n', { delimiter: ';' })).toEqual([['a', 'b,c']]);
  });
});

describe('readCsv: encodings', () => {
  it('reads UTF-8 with and without a BOM, and removes the BOM from the first cell', () => {
    const text = 'Name,Note\r\nZoë,£5 café 🙂\r\n';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
    expect(readCsv(withBom).encoding).toBe('utf-8');
    expect(cellTexts(readCsv(withBom).rows)).toEqual([
      ['Name', 'Note'],
      ['Zoë', '£5 café 🙂'],
    ]);
    expect(csv(text)).toEqual(cellTexts(readCsv(withBom).rows));
  });

  it('falls back to Windows-1252 for Excel’s plain "CSV" export (£ is 0xA3, é is 0xE9)', () => {
    const bytes = new Uint8Array([...strToU8('Date;Event\r\n01/02/2020;Paid '), 0xa3, ...strToU8('5 to caf'), 0xe9, ...strToU8(' '), 0x93, 0x80, 0x94, 0x0d, 0x0a]);
    const table = readCsv(bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(cellTexts(table.rows)).toEqual([
      ['Date', 'Event'],
      ['01/02/2020', 'Paid £5 to café “€”'],
    ]);
  });

  it('decodes the 0x80–0x9F range as Windows-1252, not Latin-1', () => {
    // Node 20's own TextDecoder('windows-1252') decodes these bytes as Latin-1 C1 controls, which is
    // why the reader carries its own table; the expected characters are from the WHATWG index.
    const bytes = new Uint8Array([0x41, 0x80, 0x81, 0x85, 0x8a, 0x91, 0x92, 0x96, 0x99, 0x9f, 0xa3, 0xe9, 0xff]);
    expect(decodeWindows1252(bytes)).toBe('A€\u0081…Š‘’–™Ÿ£éÿ');
    expect(decodeWindows1252(new Uint8Array(20_000).fill(0x80))).toBe('€'.repeat(20_000));
  });

  it('reads UTF-16 with a BOM (Excel’s "Unicode Text")', () => {
    const text = 'a\tb\r\nZoë\t£\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      le.set([code & 0xff, code >> 8], 2 + i * 2);
      be.set([code >> 8, code & 0xff], 2 + i * 2);
    }
    expect(cellTexts(readCsv(le).rows)).toEqual([
      ['a', 'b'],
      ['Zoë', '£'],
    ]);
    expect(decodeUploadedText(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('refuses binary data, workbooks and legacy .xls files given as CSV', () => {
    expect(catchFormatError(() => readCsv(new Uint8Array([0x61, 0x00, 0x62]))).code).toBe('csv_binary');
    expect(catchFormatError(() => readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).message).toMatch(/\.xlsx/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(catchFormatError(() => readCsv(xls)).code).toBe('legacy_office_file');
  });
});

describe('readCsv: caps', () => {
  it('refuses an upload larger than the byte cap', () => {
    const err = catchFormatError(() => readCsv(strToU8('a,b\n'.repeat(100)), { limits: { maxUploadBytes: 399 } }));
    expect([err.code, err.status]).toEqual(['file_too_large', 413]);
    expect(readCsvRows(strToU8('a,b\n'.repeat(100)), { limits: { maxUploadBytes: 400 } })).toHaveLength(100);
  });

  it('refuses more rows than the cap, counting blank rows before the last content', () => {
    expect(catchFormatError(() => readCsv(strToU8('x\n'.repeat(11)), { limits: { maxRows: 10 } })).code).toBe('too_many_rows');
    expect(catchFormatError(() => readCsv(strToU8(`x${'\n'.repeat(10)}y\n`), { limits: { maxRows: 10 } })).code).toBe('too_many_rows');
    // A million trailing line ends are neither stored nor counted.
    expect(readCsvRows(strToU8(`x\n${'\n'.repeat(1_000_000)}`), { limits: { maxRows: 10 } })).toHaveLength(1);
  });

  it('refuses more non-empty columns than the cap, but drops empty trailing ones', () => {
    expect(catchFormatError(() => readCsv(strToU8('a,b,c,d\n'), { limits: { maxColumns: 3 } })).message).toMatch(/Row 1 has more than 3 columns/);
    expect(csv(`a,b,c${','.repeat(500)}\n`, { limits: { maxColumns: 3 } })).toEqual([['a', 'b', 'c']]);
  });

  it('refuses a cell longer than the cap, naming its row and column', () => {
    const err = catchFormatError(() => readCsv(strToU8('a,b\nc,"123456"\n'), { limits: { maxCellChars: 5 } }));
    expect([err.code, err.message]).toEqual(['cell_too_long', 'Row 2, column 2 is longer than 5 characters.']);
  });
});
