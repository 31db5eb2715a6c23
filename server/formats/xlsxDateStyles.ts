import { ParseBudget } from './parseBudget.js';
import { xmlTokens } from './xmlTokenizer.js';

/**
 * Works out which cell styles format numbers as dates. A cell's `s` attribute indexes `cellXfs` in
 * styles.xml; each xf names a number format, either built in (by id) or custom (by format code).
 */

/**
 * Built-in number formats that show a date or time (ECMA-376 Part 1, 18.8.30): 14–22 and 45–47 in every
 * locale, 27–36 and 50–58 in East Asian locales.
 */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * True if a custom format code shows a date or time. Only the first section counts (the one for
 * positive numbers). Literal text ("…", \x), padding (_x, *x) and bracketed parts are removed first,
 * because "0.0 \"days\"" or "[Red]0" contain letters that are not date tokens; elapsed-time brackets
 * ([h], [mm], [ss]) are kept, since they are times.
 */
export function isDateFormatCode(code: string): boolean {
  const firstSection = code.split(';')[0] ?? '';
  const stripped = firstSection
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(stripped.trim())) return false;
  return /[dmyhs]/i.test(stripped);
}

/** For each index of `cellXfs`, whether that style shows numbers as dates. */
export function readDateStyles(stylesXml: string, budget = new ParseBudget({ maxParseMs: Infinity })): boolean[] {
  const customCodes = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  let xfDepth = 0;
  for (const tok of xmlTokens(stylesXml)) {
    budget.step();
    if (tok.kind === 'open') {
      if (tok.name === 'numFmt' && tok.attrs.numFmtId !== undefined && tok.attrs.formatCode !== undefined) {
        customCodes.set(Number(tok.attrs.numFmtId), tok.attrs.formatCode);
      } else if (tok.name === 'cellXfs') {
        inCellXfs = true;
      } else if (inCellXfs && tok.name === 'xf') {
        // Direct children only; an xf never nests, but a malformed one must not shift every index after it.
        if (xfDepth === 0) xfFormats.push(Number(tok.attrs.numFmtId ?? 0));
        xfDepth++;
      }
    } else if (tok.kind === 'close') {
      if (tok.name === 'cellXfs') inCellXfs = false;
      else if (inCellXfs && tok.name === 'xf') xfDepth--;
    }
  }
  return xfFormats.map((id) => {
    const custom = customCodes.get(id);
    return custom !== undefined ? isDateFormatCode(custom) : BUILT_IN_DATE_IDS.has(id);
  });
}
