import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../server/formats/xlsxReader.js';
import { readCsv } from '../../../server/formats/csvReader.js';
import { writeXlsx } from '../../../server/formats/xlsxWriter.js';
import { writeCsv } from '../../../server/formats/csvWriter.js';
import { neutraliseCell } from '../../../server/formats/cellSafety.js';
import { FormatError } from '../../../server/formats/FormatError.js';

const texts = (rows: { text: string }[][]) => rows.map((r) => r.map((c) => c.text));

/** A hand-made workbook with a shared string, a date-styled number and a formula with a cached value. */
function handMadeXlsx(sheetXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Chronology" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Date</t></si><si><r><t>Key </t></r><r><t>Event</t></r></si></sst>'),
    'xl/styles.xml': strToU8('<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  });
}

describe('xlsx', () => {
  it('round-trips text, unicode and newlines, and neutralises formula-like cells', () => {
    const bytes = writeXlsx([{ name: 'Chronology', banner: 'OFFICIAL-SENSITIVE', header: ['Date', 'Event'], rows: [['14/03/2019', 'Zoë said "no" & left\nlate'], ['=HYPERLINK("http://x")', '@SUM(1)']], fills: ['#d7e8fb', null] }]);
    const { rows } = readXlsx(bytes);
    expect(texts(rows)).toEqual([['OFFICIAL-SENSITIVE'], ['Date', 'Event'], ['14/03/2019', 'Zoë said "no" & left\nlate'], ["'=HYPERLINK(\"http://x\")", "'@SUM(1)"]]);
  });

  it('reads shared strings and rich text, recognises date-styled numbers, and never evaluates formulas', () => {
    const sheet = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
      + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
      + '<row r="2"><c r="A2" s="1"><v>43538</v></c><c r="C2"><f>WEBSERVICE("http://evil")</f><v>42</v></c></row>'
      + '</sheetData></worksheet>';
    const { rows } = readXlsx(handMadeXlsx(sheet));
    expect(texts(rows)).toEqual([['Date', 'Key Event'], ['43538', '', '42']]);
    expect(rows[1]![0]!.dateSerial).toBe(43538);
    expect(rows[1]![2]!.dateSerial).toBeUndefined();
  });

  it('refuses a zip bomb, too many rows, a legacy .xls and a DTD', () => {
    const big = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + '<row/>'.repeat(200_000) + '</sheetData></worksheet>';
    expect(() => readXlsx(handMadeXlsx(big), { maxZipEntryBytes: 100_000 })).toThrow(FormatError);
    const rows = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('') + '</sheetData></worksheet>';
    expect(() => readXlsx(handMadeXlsx(rows), { maxRows: 10 })).toThrow(/more than 10 rows/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
    expect(() => readXlsx(xls)).toThrow(/old-style \.xls/);
    const dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>';
    expect(() => readXlsx(handMadeXlsx(dtd))).toThrow(FormatError);
  });
});

describe('csv', () => {
  it('round-trips quotes, commas and newlines, and neutralises every risky start', () => {
    const csv = writeCsv([['Date', 'Event'], ['01/02/2020', 'She said, "fine"\nthen left'], ['+44 7700', '-1'], ['\tx', '\rny']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const { rows } = readCsv(strToU8(csv));
    expect(texts(rows)).toEqual([['Date', 'Event'], ['01/02/2020', 'She said, "fine"\nthen left'], ["'+44 7700", "'-1"], ["'\tx", "'\rny"]]);
  });

  it('reads semicolon-delimited Windows-1252 files and refuses unterminated quotes', () => {
    const cp1252 = new Uint8Array([...strToU8('Date;Event\r\n01/02/2020;Paid '), 0xa3, ...strToU8('5 to caf'), 0xe9, ...strToU8('\r\n')]);
    expect(texts(readCsv(cp1252).rows)).toEqual([['Date', 'Event'], ['01/02/2020', 'Paid £5 to café']]);
    expect(() => readCsv(strToU8('a,"b\n'))).toThrow(/never ends/);
  });

  it('neutralises exactly the dangerous first characters', () => {
    expect(['=1', '+1', '-1', '@a', '\t1', '\r1', 'a=1', ' =1'].map(neutraliseCell)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\t1", "'\r1", 'a=1', ' =1']);
  });
});
