import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../server/formats/csvReader.js';
import { writeCsv, writeCsvBytes } from '../../../server/formats/csvWriter.js';
import { cellTexts } from '../../../server/formats/sheetCell.js';

const roundTrip = (rows: string[][], options?: Parameters<typeof writeCsv>[1]): string[][] => cellTexts(readCsv(writeCsvBytes(rows, options)).rows);

describe('writeCsv', () => {
  it('starts with a BOM, ends every row with CRLF and quotes only where needed', () => {
    const text = writeCsv([
      ['Date', 'Event'],
      ['01/02/2020', 'Said "no", left\nlate'],
      ['plain', ' padded '],
    ]);
    expect(text).toBe('\uFEFFDate,Event\r\n01/02/2020,"Said ""no"", left\nlate"\r\nplain," padded "\r\n');
    expect(writeCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  it('neutralises every formula-like cell', () => {
    const text = writeCsv([['=1+1', '+44', '-1', '@SUM(A1)', '\tx', '\ry']]);
    expect(text).toBe("\uFEFF'=1+1,'+44,'-1,'@SUM(A1),\"'\tx\",\"'\ry\"\r\n");
  });

  it('round-trips through readCsv: quotes, delimiters, newlines, unicode and neutralised cells', () => {
    const rows = [
      ['Agency', 'Date (DD/MM/YYYY)', 'Key event / action undertaken'],
      ['GP', '14/03/2019', 'Zoë (7) seen with mum; “fine”, said "ok"\r\nfollow-up booked 🙂'],
      ['Police', '?/06/2018', '=HYPERLINK("http://attacker.example")'],
      ['School', 'c. 2017', '-absent again'],
      ['', '', 'sep=;'],
      ['£5', 'tab\tinside', '   '],
    ];
    const expected = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
    expect(roundTrip(rows)).toEqual(expected);
    expect(roundTrip(rows, { delimiter: ';' })).toEqual(expected);
    expect(roundTrip(rows, { delimiter: '\t' })).toEqual(expected);
  });

  it('keeps a single-column file with semicolons and commas as one column', () => {
    expect(roundTrip([['a;b'], ['c,d']])).toEqual([['a;b'], ['c,d']]);
  });

  it('round-trips the exporter’s banner line above the header', () => {
    const rows = [['OFFICIAL-SENSITIVE – Child A – integrated chronology, pseudonymised copy'], ['Agency', 'Date'], ['GP', '01/02/2020']];
    expect(roundTrip(rows)).toEqual(rows);
  });

  it('drops characters no spreadsheet can hold', () => {
    expect(roundTrip([['a\u0000b\u0008c']])).toEqual([['abc']]);
  });
});
