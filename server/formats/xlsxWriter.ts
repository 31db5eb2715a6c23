import { strToU8, zipSync, type Zippable } from 'fflate';
import { stripIllegalXmlChars } from './cellSafety.js';
import { escapeXml, quoteSheetName, worksheetXml, type XlsxSheetSpec } from './xlsxSheetXml.js';
import { createStyleRegistry } from './xlsxStyles.js';

/** One sheet to write (defined beside the worksheet builder). */
export type { XlsxSheetSpec } from './xlsxSheetXml.js';

/**
 * A minimal SpreadsheetML package that Excel and LibreOffice open without a repair prompt: content
 * types, package and workbook relationships, the workbook, one styles part and one part per sheet.
 * No shared strings (inline strings only), no document properties (nothing about who exported it or
 * when leaves in the file's metadata), and a fixed timestamp on every zip entry so the same
 * chronology always gives the same bytes.
 */

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_PREFIX = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Zip entry timestamp: fixed, so output is reproducible and reveals nothing about when it was made. */
const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1));
/** Excel's longest tab name. */
const MAX_SHEET_NAME = 31;

/**
 * Makes tab names Excel accepts: no `[]:*?/\`, no leading or trailing apostrophe, at most 31
 * characters, not "History" (reserved), and unique ignoring case; blank names become "Sheet N".
 */
export function sheetNames(requested: readonly string[]): string[] {
  const used = new Set<string>();
  return requested.map((raw, i) => {
    let base = Array.from(
      stripIllegalXmlChars(raw)
        .replace(/[\\/?*[\]:\r\n\t]/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, ''),
    )
      .slice(0, MAX_SHEET_NAME)
      .join('')
      .trim();
    if (base === '' || base.toLowerCase() === 'history') base = base === '' ? `Sheet ${i + 1}` : `${base} 1`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${Array.from(base)
        .slice(0, MAX_SHEET_NAME - suffix.length)
        .join('')}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Writes an .xlsx workbook with one worksheet per spec (at least one). */
export function writeXlsx(sheets: readonly XlsxSheetSpec[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet.');
  const names = sheetNames(sheets.map((s) => s.name));
  const styles = createStyleRegistry();
  const files: Zippable = {};
  const add = (path: string, xml: string): void => {
    files[path] = [strToU8(xml), { mtime: ENTRY_TIME }];
  };

  // Sheets first: building them registers the styles that styles.xml must then list.
  sheets.forEach((spec, i) => {
    add(`xl/worksheets/sheet${i + 1}.xml`, worksheetXml(spec, styles, i === 0));
  });
  add('xl/styles.xml', styles.toXml());

  add(
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT_PREFIX}.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT_PREFIX}.styles+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_PREFIX}.worksheet+xml"/>`).join('') +
      '</Types>',
  );
  add('_rels/.rels', `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` + `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  add(
    'xl/_rels/workbook.xml.rels',
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  // Print titles repeat the banner and header rows at the top of every printed page.
  const printTitles = sheets
    .map((spec, i) => {
      const top = (spec.banner !== undefined ? 1 : 0) + (spec.header !== undefined ? 1 : 0);
      return top === 0 ? '' : `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(quoteSheetName(names[i]!))}!$1:$${top}</definedName>`;
    })
    .join('');
  add(
    'xl/workbook.xml',
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews>' +
      `<sheets>${names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
      (printTitles === '' ? '' : `<definedNames>${printTitles}</definedNames>`) +
      '</workbook>',
  );
  return zipSync(files, { level: 6 });
}
