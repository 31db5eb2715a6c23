/**
 * Text hygiene for every cell we write. Two separate dangers:
 * - CSV/formula injection (OWASP): a spreadsheet runs a cell that starts with a formula trigger, so a
 *   chronology entry typed as "=HYPERLINK(…)" or "@SUM(…)" would execute on a reviewer's machine. A
 *   leading apostrophe makes Excel and LibreOffice treat the cell as text.
 * - XML 1.0 cannot hold most C0 control characters, lone surrogates or U+FFFE/U+FFFF; one such character
 *   pasted from another system would make the whole .xlsx unopenable, so they are removed.
 */

/**
 * Characters that make a spreadsheet treat a cell as a formula or a DDE command. The full-width forms
 * are included because Excel in East Asian locales converts them to their ASCII twins on entry.
 */
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20']);

/** Code units XML 1.0 forbids, plus unpaired surrogates; tab, LF and CR are allowed. */
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Prefixes a cell that a spreadsheet would run as a formula with `'`; idempotent, other text unchanged. */
export function neutraliseCell(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/**
 * Reverses `neutraliseCell` for text read back from one of our own exports: drops a leading `'` only
 * when a formula trigger follows it. A cell that genuinely began with such an apostrophe loses it, so
 * an import route uses this only where that trade-off is wanted (re-importing an export).
 */
export function restoreNeutralisedCell(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_TRIGGERS.has(text[1]!) ? text.slice(1) : text;
}

/** Removes characters that XML 1.0 cannot represent at all, not even as a character reference. */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '');
}

/** Everything a writer does to one text cell: illegal characters removed, then formula triggers neutralised. */
export function safeCellText(text: string): string {
  return neutraliseCell(stripIllegalXmlChars(text));
}
