import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS } from '../../../server/formats/limits.js';
import { openZip } from '../../../server/formats/safeUnzip.js';
import { cellTexts } from '../../../server/formats/sheetCell.js';
import { readXlsx } from '../../../server/formats/xlsxReader.js';
import { columnName } from '../../../server/formats/xlsxSheetXml.js';
import { contrastWithBlack, readableFill } from '../../../server/formats/xlsxStyles.js';
import { sheetNames, writeXlsx, type XlsxSheetSpec } from '../../../server/formats/xlsxWriter.js';
import { decodeXmlBytes, xmlTokens, type XmlToken } from '../../../server/formats/xmlTokenizer.js';
import { AGENCY_COLOURS } from '../../../shared/palette.js';

/** Every open tag of a part, parsed by the project's strict tokenizer (so each part is also checked well formed). */
function tags(bytes: Uint8Array, part: string): (XmlToken & { kind: 'open' })[] {
  const xml = decodeXmlBytes(openZip(bytes).read(part));
  return [...xmlTokens(xml)].filter((t): t is XmlToken & { kind: 'open' } => t.kind === 'open');
}

/** For a worksheet, each row's style ids; for styles, each cellXf's font, fill colour and wrap setting. */
function rowStyles(bytes: Uint8Array, sheet = 'xl/worksheets/sheet1.xml'): number[][] {
  const rows: number[][] = [];
  for (const t of tags(bytes, sheet)) {
    if (t.name === 'row') rows.push([]);
    if (t.name === 'c') rows[rows.length - 1]!.push(Number(t.attrs.s));
  }
  return rows;
}

function cellFormats(bytes: Uint8Array): { bold: boolean; fill: string | undefined; wrap: boolean }[] {
  const fonts: boolean[] = [];
  const fills: (string | undefined)[] = [];
  const xfs: { font: number; fill: number; wrap: boolean }[] = [];
  let section = '';
  for (const t of tags(bytes, 'xl/styles.xml')) {
    if (['fonts', 'fills', 'cellXfs', 'cellStyleXfs'].includes(t.name)) section = t.name;
    else if (section === 'fonts' && t.name === 'font') fonts.push(false);
    else if (section === 'fonts' && t.name === 'b') fonts[fonts.length - 1] = true;
    else if (section === 'fills' && t.name === 'fill') fills.push(undefined);
    else if (section === 'fills' && t.name === 'fgColor') fills[fills.length - 1] = t.attrs.rgb;
    else if (section === 'cellXfs' && t.name === 'xf') xfs.push({ font: Number(t.attrs.fontId), fill: Number(t.attrs.fillId), wrap: false });
    else if (section === 'cellXfs' && t.name === 'alignment') xfs[xfs.length - 1]!.wrap = t.attrs.wrapText === '1';
  }
  return xfs.map((x) => ({ bold: fonts[x.font]!, fill: fills[x.fill], wrap: x.wrap }));
}

const chronology: XlsxSheetSpec = {
  name: 'Integrated chronology',
  banner: 'OFFICIAL-SENSITIVE – Child A & family',
  header: ['Agency', 'Date (DD/MM/YYYY)', 'Key event / action undertaken'],
  rows: [
    ['GP', '14/03/2019', 'Zoë (7) seen with mum; “fine”\nfollow-up booked 🙂 <b>&amp;</b>'],
    ['POL', '?/06/2018', '=HYPERLINK("http://attacker.example","x")'],
    ['SCH', 'c. 2017', ''],
  ],
  fills: ['#cfe2ff', null, '#003366'],
  widths: [10, 16],
};

describe('writeXlsx: round trip through readXlsx', () => {
  it('gives back banner, header and rows, with formula-like cells neutralised', () => {
    const { sheetName, rows } = readXlsx(writeXlsx([chronology]));
    expect(sheetName).toBe('Integrated chronology');
    expect(cellTexts(rows)).toEqual([
      ['OFFICIAL-SENSITIVE – Child A & family'],
      chronology.header,
      chronology.rows[0],
      ['POL', '?/06/2018', '\'=HYPERLINK("http://attacker.example","x")'],
      ['SCH', 'c. 2017'],
    ]);
  });

  it('keeps carriage returns, literal _xHHHH_ text, and strips characters XML cannot hold', () => {
    const cells = ['a\r\nb', 'literal _x0041_ and _x005F_', 'bell\u0007 nul\u0000 end', '-5', '@home', '\u0001=1'];
    const { rows } = readXlsx(writeXlsx([{ name: 'S', rows: [cells] }]));
    expect(cellTexts(rows)).toEqual([['a\r\nb', 'literal _x0041_ and _x005F_', 'bell nul end', "'-5", "'@home", "'=1"]]);
  });

  it('cuts a cell past Excel’s 32,767-character limit, ending with an ellipsis', () => {
    const { rows } = readXlsx(writeXlsx([{ name: 'S', rows: [['x'.repeat(40_000)]] }]));
    expect(rows[0]![0]!.text).toHaveLength(MAX_CELL_CHARS);
    expect(rows[0]![0]!.text.endsWith('x…')).toBe(true);
  });

  it('writes several sheets, each readable by name', () => {
    const bytes = writeXlsx([chronology, { name: 'Organisational changes', header: ['Date', 'Change'], rows: [['2019', 'New MASH']] }]);
    expect(cellTexts(readXlsx(bytes, { sheet: 'Organisational changes' }).rows)).toEqual([
      ['Date', 'Change'],
      ['2019', 'New MASH'],
    ]);
  });

  it('gives the same bytes for the same input', () => {
    expect(writeXlsx([chronology])).toEqual(writeXlsx([chronology]));
  });

  it('reads back 5,000 rows', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ['GP', `${(i % 28) + 1}/01/2020`, `Event ${i}`]);
    const read = readXlsx(writeXlsx([{ name: 'Big', header: ['Agency', 'Date', 'Event'], rows, fills: rows.map(() => '#d1f0d6') }])).rows;
    expect(read).toHaveLength(5001);
    expect(read[5000]!.map((c) => c.text)).toEqual(['GP', '16/01/2020', 'Event 4999']);
  });
});

describe('writeXlsx: package structure', () => {
  const bytes = writeXlsx([chronology]);

  it('declares every part in [Content_Types].xml and links them through relationships', () => {
    const names = openZip(bytes).names;
    expect([...names].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const overrides = tags(bytes, '[Content_Types].xml')
      .filter((t) => t.name === 'Override')
      .map((t) => t.attrs.PartName);
    expect(overrides.sort()).toEqual(['/xl/styles.xml', '/xl/workbook.xml', '/xl/worksheets/sheet1.xml']);
    const rels = tags(bytes, 'xl/_rels/workbook.xml.rels')
      .filter((t) => t.name === 'Relationship')
      .map((t) => t.attrs.Target);
    expect(rels).toEqual(['worksheets/sheet1.xml', 'styles.xml']);
  });

  it('freezes the banner and header rows, merges the banner, sets widths and prints the marking on every page', () => {
    const sheet = tags(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet.find((t) => t.name === 'pane')?.attrs).toMatchObject({ ySplit: '2', topLeftCell: 'A3', state: 'frozen' });
    expect(sheet.find((t) => t.name === 'mergeCell')?.attrs.ref).toBe('A1:C1');
    // The third width is estimated: the longest line in that column (41 characters) plus 2.
    expect(sheet.filter((t) => t.name === 'col').map((t) => Number(t.attrs.width))).toEqual([10, 16, 43]);
    const xml = decodeXmlBytes(openZip(bytes).read('xl/worksheets/sheet1.xml'));
    // In header codes "&" is doubled; then XML-escaped.
    expect(xml).toContain('<oddHeader>&amp;C&amp;&quot;-,Bold&quot;OFFICIAL-SENSITIVE – Child A &amp;&amp; family</oddHeader>');
    const workbook = tags(bytes, 'xl/workbook.xml');
    expect(workbook.find((t) => t.name === 'definedName')?.attrs).toMatchObject({ name: '_xlnm.Print_Titles', localSheetId: '0' });
  });

  it('makes the header bold, wraps every data cell and fills each row with its (readable) colour', () => {
    const formats = cellFormats(bytes);
    const styles = rowStyles(bytes);
    expect(styles.map((r) => r.length)).toEqual([1, 3, 3, 3, 3]); // every data cell written, so fills span the row
    const [banner, header, gp, pol, sch] = styles.map((r) => formats[r[0]!]!);
    expect(banner!.bold && header!.bold && !gp!.bold).toBe(true);
    expect([gp, pol, sch].every((f) => f!.wrap)).toBe(true);
    expect(gp!.fill).toBe('FFCFE2FF');
    expect(pol!.fill).toBeUndefined();
    expect(sch!.fill).toBe(`FF${readableFill('#003366')}`);
    expect(new Set(styles[2])).toEqual(new Set([styles[2]![0]])); // the empty cell shares the row's fill
  });
});

describe('xlsx writer helpers', () => {
  it('leaves every palette colour unchanged, since each already passes AA with black text', () => {
    expect(AGENCY_COLOURS.map(readableFill)).toEqual(AGENCY_COLOURS.map((c) => c.slice(1).toUpperCase()));
  });

  it('lightens dark fills until black text reaches 4.5:1, and refuses non-colours', () => {
    for (const dark of ['#003366', '#000000', '#8b0000', '#123']) {
      const fill = readableFill(dark);
      const rgb = [0, 2, 4].map((i) => parseInt(fill.slice(i, i + 2), 16));
      expect(contrastWithBlack(rgb)).toBeGreaterThanOrEqual(4.5);
    }
    expect(() => readableFill('red')).toThrow(RangeError);
  });

  it('makes tab names valid and unique', () => {
    expect(sheetNames(['a/b:c*?[d]', '', "'quoted'", 'History', 'x'.repeat(40), 'x'.repeat(40), 'Same', 'SAME'])).toEqual([
      'a b c   d',
      'Sheet 2',
      'quoted',
      'History 1',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'Same',
      'SAME (2)',
    ]);
  });

  it('names columns like Excel', () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
  });

  it('refuses an empty workbook', () => {
    expect(() => writeXlsx([])).toThrow(RangeError);
  });
});
