/**
 * The one normaliser the replacer, the flagger and the leak check all match on. It builds a folded view
 * of a text (NFKC compatibility forms, accents stripped, lower case, every apostrophe variant as "'",
 * soft hyphens and zero-width characters dropped, a word split by a hyphen and a line break joined
 * again) and keeps, for every character of the view, the index of the original character it came from,
 * so a match in the view maps back to the exact original span.
 */

/** Characters that are invisible and can hide inside a name: soft hyphen, zero-width space/joiners, word joiner, BOM. */
// U+034F (a combining mark) sits outside the class: inside it, it would attach to the character before.
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u180E]|\u034F/u;

/** Every character typed for an apostrophe or a single quote (straight, curly, modifier, backtick, acute, prime). */
const APOSTROPHES = /['\u2018\u2019\u201A\u201B\u02BC\u02B9\u0060\u00B4\u2032\u02BB]/u;

/** Letters that do not decompose into a base letter and a mark, folded by hand. */
const FOLDS: Record<string, string> = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', '\u2010': '-', '\u2011': '-' };

/** A folded view of a text and, per view character, the index of its original character. */
export type NormalView = { norm: string; map: number[]; original: string };

/** Folds one code point to its base letters in lower case. */
function foldChar(ch: string): string {
  if (APOSTROPHES.test(ch)) return "'";
  const lower = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const c of lower) out += FOLDS[c] ?? c;
  return out;
}

/**
 * The normalised view of `text`. A hyphen followed by a line break between two letters is removed with
 * the break ("Thorn-\nbury" reads "thornbury"), because that is how line-wrapped text splits a word.
 */
export function normalise(text: string): NormalView {
  let norm = '';
  const map: number[] = [];
  const chars = Array.from(text);
  const offsets: number[] = [];
  let at = 0;
  for (const c of chars) { offsets.push(at); at += c.length; }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (INVISIBLE.test(ch)) continue;
    if ((ch === '-' || ch === '\u2010') && /\p{L}$/u.test(norm)) {
      let j = i + 1;
      while (j < chars.length && /[ \t]/.test(chars[j]!)) j++;
      if (chars[j] === '\r') j++;
      if (chars[j] === '\n') {
        j++;
        while (j < chars.length && /[ \t]/.test(chars[j]!)) j++;
        if (j < chars.length && /\p{L}/u.test(chars[j]!)) { i = j - 1; continue; }
      }
    }
    const folded = foldChar(ch);
    for (const f of folded) { norm += f; map.push(offsets[i]!); }
  }
  return { norm, map, original: text };
}

/** The original span [start, end) for a view span; end is exclusive. */
export function originalSpan(view: NormalView, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: view.map[start] ?? view.original.length, end: view.map[start] ?? view.original.length };
  const s = view.map[start]!;
  const last = view.map[end - 1]!;
  // The last original character may be a surrogate pair.
  const cp = view.original.codePointAt(last) ?? 0;
  return { start: s, end: last + (cp > 0xffff ? 2 : 1) };
}

/** A comparison key: the folded text with whitespace collapsed, apostrophes and hyphens kept. */
export function foldKey(text: string): string {
  return normalise(text).norm.replace(/\s+/g, ' ').trim();
}

/** The folded text with every non-letter, non-digit removed ("O'Neill-Ray" → "oneillray"), for handles and emails. */
export function compactKey(text: string): string {
  return normalise(text).norm.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Escapes text for a regular expression source. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
