import { safeCellText, stripIllegalXmlChars } from './cellSafety.js';
import { MAX_CELL_CHARS } from './limits.js';
import type { StyleRegistry } from './xlsxStyles.js';

/**
 * Builds one worksheet part. Every cell is an inline string (`t="inlineStr"`), so nothing we write can
 * ever be a formula; the text is still neutralised, because a person may copy it or save the sheet as CSV.
 */

/** One sheet to write. Field names match what the chronology exporter passes. */
export interface XlsxSheetSpec {
  /** Tab name; made valid (≤ 31 characters, no `[]:*?/\`) and unique by the writer. */
  name: string;
  /** A bold line above the header (e.g. "OFFICIAL-SENSITIVE"), also printed at the top of every page. */
  banner?: string;
  /** Column headings: bold, filled grey, frozen with the banner, repeated on every printed page. */
  header?: readonly string[];
  /** Data rows as text. */
  rows: readonly (readonly string[])[];
  /** Solid fill per data row ("#RRGGBB"), or null/undefined for none; lightened if too dark for black text. */
  fills?: readonly (string | null | undefined)[];
  /** Column widths in characters; missing ones are estimated from the content. */
  widths?: readonly number[];
}

/** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Escapes text for XML element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

/**
 * Cuts text to Excel's 32,767-character cell limit (a longer cell makes Excel "repair" the file and drop
 * it), ending with "…" and never splitting a surrogate pair.
 */
export function fitExcelCell(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let end = MAX_CELL_CHARS - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * Cell text as SpreadsheetML content: safe, fitted, then OOXML-escaped. A literal "_xHHHH_" would be
 * read by Excel as an escaped character, so its underscore is itself escaped; a carriage return is
 * written as `_x000D_` because XML parsers turn a literal CR into LF.
 */
function cellXml(text: string): string {
  const ooxml = fitExcelCell(safeCellText(text))
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/\r/g, '_x000D_');
  return escapeXml(ooxml);
}

/** Widest line of a cell, for width estimates. */
function longestLine(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) max = Math.max(max, line.length);
  return max;
}

/** Column widths: the caller's, else the longest line in the header or first 200 rows, kept between 8 and 60. */
export function columnWidths(spec: XlsxSheetSpec, columns: number): number[] {
  const sample = [spec.header ?? [], ...spec.rows.slice(0, 200)];
  return Array.from({ length: columns }, (_, c) => {
    const given = spec.widths?.[c];
    if (given !== undefined && Number.isFinite(given) && given > 0) return Math.min(given, 255);
    const widest = Math.max(0, ...sample.map((row) => longestLine(row[c] ?? '')));
    return Math.min(60, Math.max(8, widest + 2));
  });
}

/** Quotes a sheet name for a formula reference: 'It''s here'!$1:$2. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Banner text for a print header or footer: "&" starts a control code there, so it is doubled, and
 * Excel refuses the whole string past 255 characters, so the banner is cut to 100 before doubling.
 */
function headerFooterText(banner: string): string {
  return stripIllegalXmlChars(banner)
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 100)
    .replace(/&/g, '&&');
}

/** The worksheet XML for `spec`; `topRows` (banner + header) are frozen. */
export function worksheetXml(spec: XlsxSheetSpec, styles: StyleRegistry, selected: boolean): string {
  const header = spec.header ?? [];
  // A loop, not Math.max(...rows): spreading 100,000 rows as arguments overflows the call stack.
  const columns = spec.rows.reduce((max, r) => Math.max(max, r.length), Math.max(1, header.length));
  if (columns > 16_384 || spec.rows.length + 2 > 1_048_576) throw new RangeError('The sheet is larger than Excel’s grid.');
  const names = Array.from({ length: columns }, (_, c) => columnName(c));
  const last = names[columns - 1]!;
  const out: string[] = [];
  let r = 0;
  const row = (cells: readonly string[], style: number, fullWidth: boolean): void => {
    r++;
    const width = fullWidth ? columns : cells.length;
    let xml = `<row r="${r}">`;
    for (let c = 0; c < width; c++) {
      const text = cells[c] ?? '';
      xml += text === '' ? `<c r="${names[c]}${r}" s="${style}"/>` : `<c r="${names[c]}${r}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${cellXml(text)}</t></is></c>`;
    }
    out.push(`${xml}</row>`);
  };

  if (spec.banner !== undefined) row([spec.banner], styles.styleFor('banner'), false);
  if (spec.header !== undefined) row(header, styles.styleFor('header'), true);
  const topRows = r;
  spec.rows.forEach((cells, k) => {
    row(cells, styles.styleFor('body', spec.fills?.[k]), true);
  });

  const pane =
    topRows === 0
      ? ''
      : `<pane ySplit="${topRows}" topLeftCell="A${topRows + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${topRows + 1}" sqref="A${topRows + 1}"/>`;
  const cols = columnWidths(spec, columns)
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const merge = spec.banner !== undefined && columns > 1 ? `<mergeCells count="1"><mergeCell ref="A1:${last}1"/></mergeCells>` : '';
  // The banner is printed on every page, top centre and bottom left, as protective markings should be.
  const marking = spec.banner === undefined ? '' : headerFooterText(spec.banner);
  const headerFooter =
    spec.banner === undefined
      ? ''
      : `<headerFooter><oddHeader>${escapeXml(`&C&"-,Bold"${marking}`)}</oddHeader>` + `<oddFooter>${escapeXml(`&L${marking}&RPage &P of &N`)}</oddFooter></headerFooter>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${Math.max(1, r)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${out.join('')}</sheetData>` +
    merge +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    headerFooter +
    '</worksheet>'
  );
}
