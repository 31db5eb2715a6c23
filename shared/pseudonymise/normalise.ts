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
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  '\u2010': '-',
  '\u2011': '-',
  // Cyrillic and Greek letters that look like Latin ones ("Mаisie" with a Cyrillic а): a name typed or
  // pasted with them reads as the Latin name. Both the register and the text fold alike.
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  з: '3',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/** A folded view of a text and, per view character, the index of its original character. */
export type NormalView = { norm: string; map: number[]; original: string };

/** Folded forms of the non-ASCII characters met so far: folding goes through NFKD, which is slow per call. */
const foldCache = new Map<string, string>();

/** Folds one code point to its base letters in lower case. */
function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out = '';
  if (APOSTROPHES.test(ch)) out = "'";
  else if (!INVISIBLE.test(ch)) for (const c of ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()) out += FOLDS[c] ?? c;
  foldCache.set(ch, out);
  return out;
}

/** Whether a folded character is a letter (a hyphen after one may join a word split across lines). */
const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c > '\u007f' && /\p{L}/u.test(c));

/** Most normalised views kept for reuse: the replacer, the review and the leak check meet the same texts. */
export const MAX_CACHED_VIEWS = 20_000;

/** Texts of at most this many characters are cached (a long document is met once). */
const MAX_CACHED_TEXT_CHARS = 4_000;

const viewCache = new Map<string, NormalView>();

/**
 * The normalised view of `text`. A hyphen followed by a line break between two letters is removed with
 * the break ("Thorn-\nbury" reads "thornbury"), because that is how line-wrapped text splits a word.
 * ASCII takes a fast path; views of short texts are cached (cleared when full), since one export
 * meets the same cells many times over (repeated wording, the review listing, the leak check).
 */
export function normalise(text: string): NormalView {
  const cacheable = text.length <= MAX_CACHED_TEXT_CHARS;
  if (cacheable) {
    const hit = viewCache.get(text);
    if (hit) return hit;
  }
  let norm = '';
  const map: number[] = [];
  const n = text.length;
  let lastLetter = false;
  for (let i = 0; i < n; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const ch = text[i]!;
      if (ch === '-' && lastLetter) {
        const after = joinedAfterHyphen(text, i + 1);
        if (after > 0) {
          i = after;
          continue;
        }
      }
      if ((ch === ' ' || ch === '\t') && lastLetter) {
        // "Thorn -\nbury": blanks, a hyphen and a line break inside a word.
        let h = i;
        while (text[h] === ' ' || text[h] === '\t') h++;
        if (isHyphen(text[h])) {
          const after = joinedAfterHyphen(text, h + 1, true);
          if (after > 0) {
            i = after;
            continue;
          }
        }
      }
      const folded = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch === '`' ? "'" : ch;
      norm += folded;
      map.push(i);
      lastLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 2 ? text.slice(i, i + 2) : text[i]!;
    if ((ch === '\u2010' || ch === '\u2011') && lastLetter) {
      const after = joinedAfterHyphen(text, i + 1);
      if (after > 0) {
        i = after;
        continue;
      }
    }
    const folded = foldChar(ch);
    for (const f of folded) {
      norm += f;
      map.push(i);
      lastLetter = isLetter(f);
    }
    i += width;
  }
  const view = { norm, map, original: text };
  if (cacheable) {
    if (viewCache.size >= MAX_CACHED_VIEWS) viewCache.clear();
    viewCache.set(text, view);
  }
  return view;
}

/** The hyphens a line-wrapped word is split with (ASCII, Unicode hyphen, non-breaking hyphen). */
const isHyphen = (c: string | undefined) => c === '-' || c === '\u2010' || c === '\u2011';

/** Words after a "pre- " hyphen that show a suspended hyphen ("pre- and post-natal"), not a split word. */
const SUSPENDED_HYPHEN_NEXT = /^(?:and|or|nor|to)(?!\p{L})/iu;

/**
 * After a hyphen at `from`: the index of the letter that continues the word, else -1. The word
 * continues after blanks and one line break ("Thorn-\nbury"), or, without a line break, after blanks
 * when the hyphen touches the first part ("Thorn- bury", a break lost in copying) and the next word is
 * not "and", "or", "to" (a suspended hyphen). `needBreak` (blanks before the hyphen) asks for a break.
 */
function joinedAfterHyphen(text: string, from: number, needBreak = false): number {
  let j = from;
  while (text[j] === ' ' || text[j] === '\t') j++;
  const blanks = j > from;
  if (text[j] === '\r') j++;
  const lineBreak = text[j] === '\n';
  if (lineBreak) j++;
  else if (needBreak || !blanks) return -1;
  while (text[j] === ' ' || text[j] === '\t') j++;
  if (j >= text.length) return -1;
  const cp = text.codePointAt(j)!;
  if (!/\p{L}/u.test(String.fromCodePoint(cp))) return -1;
  if (!lineBreak && SUSPENDED_HYPHEN_NEXT.test(text.slice(j, j + 4))) return -1;
  return j;
}

/** The original span [start, end) for a view span; end is exclusive. */
export function originalSpan(view: NormalView, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: view.map[start] ?? view.original.length, end: view.map[start] ?? view.original.length };
  const s = view.map[start]!;
  const last = view.map[end - 1]!;
  // The last original character may be a surrogate pair.
  const cp = view.original.codePointAt(last) ?? 0;
  let e = last + (cp > 0xffff ? 2 : 1);
  // Combining marks after it ("Zoe" + U+0308) fold to nothing but belong to the letter they sit on.
  while (e < view.original.length && /\p{M}/u.test(view.original[e]!)) e++;
  return { start: s, end: e };
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
