import { FormatError } from './FormatError.js';
import type { FormatLimits } from './limits.js';
import { ParseBudget } from './parseBudget.js';
import type { ZipReader } from './safeUnzip.js';
import { decodeXmlBytes, xmlTokens } from './xmlTokenizer.js';

/**
 * Finds the parts of a SpreadsheetML package by following its relationships (as Office does) rather
 * than assuming fixed paths: the package rels name the workbook, the workbook rels name the sheets,
 * shared strings and styles. Only parts that are needed are ever inflated.
 */

/** The parts needed to read one worksheet. */
export interface XlsxSheetParts {
  /** Name of the chosen sheet as shown on its tab. */
  readonly sheetName: string;
  /** Zip entry of the worksheet XML. */
  readonly sheetPath: string;
  /** Zip entry of the shared strings table, if the workbook has one. */
  readonly sharedStringsPath: string | undefined;
  /** Zip entry of the styles part, if the workbook has one. */
  readonly stylesPath: string | undefined;
  /** True when the workbook counts dates from 1904 (old Mac Excel), so serials are offset by 1,462 days. */
  readonly date1904: boolean;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** The error for a zip that is not a readable workbook; `why` is a short technical hint, never file content. */
export const invalidXlsx = (why: string): FormatError => new FormatError('xlsx_invalid', `The file is not a readable Excel workbook (${why}).`);

/** Reads and decodes one XML part. */
export function readXml(zip: ZipReader, path: string): string {
  return decodeXmlBytes(zip.read(path));
}

/** Resolves a relationship target against the folder of its source part; "/x" is package-absolute. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (base.length === 0) throw invalidXlsx('relationship points outside the package');
      base.pop();
    } else base.push(seg);
  }
  return base.join('/');
}

/** The rels part that belongs to `part`, e.g. xl/workbook.xml → xl/_rels/workbook.xml.rels. */
function relsPathFor(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Parses the relationships of `part` (Id → type and resolved target); external targets are dropped. */
function readRels(zip: ZipReader, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const path = zip.find(relsPathFor(part));
  if (path === undefined) return rels;
  for (const tok of xmlTokens(readXml(zip, path))) {
    if (tok.kind !== 'open' || tok.name !== 'Relationship') continue;
    const { Id, Type, Target, TargetMode } = tok.attrs;
    if (Id === undefined || Type === undefined || Target === undefined || TargetMode === 'External') continue;
    rels.set(Id, { type: Type, target: resolveTarget(part, Target) });
  }
  return rels;
}

/** First relationship whose type ends with `/suffix` (transitional and strict OOXML share the suffixes). */
function relOfType(rels: Map<string, Relationship>, suffix: string): Relationship | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${suffix}`)) return rel;
  return undefined;
}

/**
 * Works out which parts to read for `sheet` (a tab name, a 0-based index, or the first sheet when
 * undefined). Throws FormatError('xlsx_invalid') when the package lacks a workbook or that sheet.
 */
export function locateSheet(zip: ZipReader, sheet: string | number | undefined): XlsxSheetParts {
  const workbookPath = relOfType(readRels(zip, ''), 'officeDocument')?.target ?? zip.find('xl/workbook.xml') ?? '';
  const foundWorkbook = zip.find(workbookPath);
  if (foundWorkbook === undefined) throw invalidXlsx('no workbook');

  const sheets: { name: string; relId: string }[] = [];
  let date1904 = false;
  for (const tok of xmlTokens(readXml(zip, foundWorkbook))) {
    if (tok.kind !== 'open') continue;
    if (tok.name === 'workbookPr') date1904 = tok.attrs.date1904 === '1' || tok.attrs.date1904 === 'true';
    if (tok.name === 'sheet' && tok.attrs.name !== undefined && tok.attrs.id !== undefined) {
      sheets.push({ name: tok.attrs.name, relId: tok.attrs.id });
    }
  }
  const chosen = typeof sheet === 'string' ? sheets.find((s) => s.name === sheet) : sheets[typeof sheet === 'number' ? sheet : 0];
  if (!chosen) throw invalidXlsx(sheets.length === 0 ? 'no sheets' : 'no such sheet');

  const rels = readRels(zip, foundWorkbook);
  const sheetRel = rels.get(chosen.relId);
  if (!sheetRel || !sheetRel.type.endsWith('/worksheet')) throw invalidXlsx('the sheet is not a worksheet');
  const sheetPath = zip.find(sheetRel.target);
  if (sheetPath === undefined) throw invalidXlsx('missing worksheet');
  const optionalPart = (suffix: string): string | undefined => {
    const rel = relOfType(rels, suffix);
    return rel === undefined ? undefined : zip.find(rel.target);
  };
  return {
    sheetName: chosen.name,
    sheetPath,
    sharedStringsPath: optionalPart('sharedStrings'),
    stylesPath: optionalPart('styles'),
    date1904,
  };
}

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (Excel writes a carriage return as `_x000D_`);
 * a literal "_x" that would look like an escape is itself written `_x005F_x…`.
 */
export function decodeOoxmlEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/**
 * Reads the shared strings table. Rich-text runs are concatenated; phonetic guides (`rPh`, furigana)
 * are not part of the displayed text and are skipped.
 */
export function readSharedStrings(
  xml: string,
  limits: Pick<FormatLimits, 'maxSharedStrings' | 'maxParseMs'> = { maxSharedStrings: Infinity, maxParseMs: Infinity },
  budget = new ParseBudget(limits),
): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phoneticDepth = 0;
  const tooMany = () => new FormatError('too_many_shared_strings', `The workbook holds more than ${limits.maxSharedStrings} different texts, so it was not read.`);
  for (const tok of xmlTokens(xml)) {
    budget.step();
    if (tok.kind === 'open') {
      // The declared count is checked first, so an honest oversized table is refused before any string is read.
      if (tok.name === 'sst' && Number(tok.attrs.uniqueCount ?? 0) > limits.maxSharedStrings) throw tooMany();
      if (tok.name === 'si') {
        if (strings.length >= limits.maxSharedStrings) throw tooMany();
        current = '';
      } else if (tok.name === 'rPh') phoneticDepth++;
      else if (tok.name === 't') inText = phoneticDepth === 0 && current !== null;
    } else if (tok.kind === 'close') {
      if (tok.name === 'si' && current !== null) {
        strings.push(decodeOoxmlEscapes(current));
        current = null;
      } else if (tok.name === 'rPh') phoneticDepth--;
      else if (tok.name === 't') inText = false;
    } else if (inText) {
      current += tok.text;
    }
  }
  return strings;
}
