import { strToU8, zipSync } from 'fflate';
import { neutraliseCell } from './cellSafety.js';

/** One sheet to write: a header row, data rows, optional per-row fill colours and a banner row above. */
export type SheetSpec = {
  name: string;
  banner?: string;
  header: string[];
  rows: string[][];
  /** Hex fill (e.g. "#d7e8fb") for each data row, or null for none. */
  fills?: (string | null)[];
  /** Column widths in characters. */
  widths?: number[];
};

/** Characters XML 1.0 forbids; they are dropped rather than breaking the file. */
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const esc = (s: string) => s.replace(ILLEGAL_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Writes a minimal, valid .xlsx (Office Open XML) with inline strings only, so no cell is ever a
 * formula. Styles: 0 plain wrapped text, 1 bold header, 2 bold banner, then one wrapped style per fill
 * colour. The header row is frozen.
 */
export function writeXlsx(sheets: readonly SheetSpec[]): Uint8Array {
  const fillColours = [...new Set(sheets.flatMap((s) => (s.fills ?? []).filter((f): f is string => !!f)))];
  const files: Record<string, Uint8Array> = {};
  files['[Content_Types].xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`);
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>',
    ...fillColours.map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${c.slice(1).toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`)];
  const wrap = '<alignment wrapText="1" vertical="top"/>';
  const xfs = [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1">${wrap}</xf>`,
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1" applyAlignment="1">${wrap}</xf>`,
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1"/>`,
    ...fillColours.map((_, i) => `<xf numFmtId="0" fontId="0" fillId="${i + 2}" borderId="0" applyFill="1" applyAlignment="1">${wrap}</xf>`)];
  files['xl/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><color rgb="FF0B0C0C"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FF0B0C0C"/><name val="Calibri"/></font></fonts><fills count="${fills.length}">${fills.join('')}</fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`);

  sheets.forEach((s, i) => {
    const lines: string[] = [];
    let r = 0;
    const rowXml = (cells: string[], style: number) => {
      r += 1;
      return `<row r="${r}">${cells.map((v, c) => `<c r="${colName(c)}${r}" t="inlineStr" s="${style}"><is><t xml:space="preserve">${esc(neutraliseCell(v))}</t></is></c>`).join('')}</row>`;
    };
    if (s.banner) lines.push(rowXml([s.banner], 2));
    lines.push(rowXml(s.header, 1));
    const headerRow = r;
    s.rows.forEach((cells, k) => {
      const fill = s.fills?.[k];
      lines.push(rowXml(cells, fill ? 3 + fillColours.indexOf(fill) : 0));
    });
    const cols = s.widths ? `<cols>${s.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>${cols}<sheetData>${lines.join('')}</sheetData></worksheet>`);
  });
  return zipSync(files, { level: 6 });
}
