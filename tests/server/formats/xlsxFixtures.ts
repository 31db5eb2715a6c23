import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Hand-built .xlsx packages for reader tests. Built in code with fflate rather than committed as
 * binaries, so each test shows exactly which XML it feeds the reader.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Parts of a hand-made workbook; only `sheetData` is required. */
export interface FixtureParts {
  /** Inner XML of `<sheetData>` for the first sheet. */
  sheetData: string;
  /** Shared strings, one `<si><t>` each (already-escaped XML is allowed via `sharedStringsXml`). */
  sharedStrings?: string[];
  /** Raw inner XML of `<sst>`, overriding `sharedStrings`. */
  sharedStringsXml?: string;
  /** Raw inner XML of `<styleSheet>`. */
  stylesXml?: string;
  /** Set the workbook's 1904 date system. */
  date1904?: boolean;
  /** Extra sheets after the first: tab name and sheetData. */
  moreSheets?: { name: string; sheetData: string }[];
  /** Replaces the whole worksheet XML of the first sheet (for DTD and malformed cases). */
  rawSheetXml?: string;
  /** Extra zip entries. */
  extra?: Zippable;
}

/** Wraps sheetData in a worksheet part. */
export const worksheet = (sheetData: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData></worksheet>`;

/** An inline-string cell. */
export const inlineCell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A workbook package (zip bytes) from the given parts. */
export function buildXlsx(parts: FixtureParts): Uint8Array {
  const sheets = [{ name: 'Chronology', sheetData: parts.sheetData }, ...(parts.moreSheets ?? [])];
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
        (parts.date1904 ? '<workbookPr date1904="1"/>' : '') +
        `<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}">` +
        sheets.map((_, i) => `<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rIdSty" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst xmlns="${MAIN}">${parts.sharedStringsXml ?? (parts.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`,
    ),
    'xl/styles.xml': strToU8(`<?xml version="1.0"?><styleSheet xmlns="${MAIN}">${parts.stylesXml ?? ''}</styleSheet>`),
    ...parts.extra,
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(i === 0 && parts.rawSheetXml !== undefined ? parts.rawSheetXml : worksheet(s.sheetData));
  });
  return zipSync(files);
}

/**
 * Styles with cellXfs: 0 General, 1 built-in date (14), 2 custom "dd/mm/yyyy hh:mm", 3 a number format
 * with the literal "days". The cellStyleXfs entry (a date) must not shift the cellXfs indexes.
 */
export const DATE_STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="0.0 &quot;days&quot;"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
