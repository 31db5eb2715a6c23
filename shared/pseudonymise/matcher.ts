import { ACRONYMS, MONTH_WORDS, SPEECH_VERBS } from './commonWords.js';
import type { NameTerm } from './nameTerms.js';
import { escapeRegExp, originalSpan, type NormalView } from './normalise.js';

/** One place a term occurs in a text, as an original-text span. */
export type TermHit = { start: number; end: number; term: NameTerm };

/** Shortest distinctive name that may also be written without the apostrophe of a possessive ("Kerrys phone"). */
const POSSESSIVE_S_MIN = 4;

/**
 * A pattern over the folded view for a term: an apostrophe may be missing, doubled with a space or be
 * a space ("O'Neill", "ONeill", "O Neill"); a hyphen may be a space or nothing; spaces are any run of
 * whitespace. Initials may carry full stops and spaces ("K.T.", "K T").
 */
function termPattern(term: NameTerm): string {
  // Not followed by an apostrophe and a letter: "K. O'Neill" is an initial and a surname, not "KO".
  if (term.kind === 'initials') return term.key.split('').map(escapeRegExp).join('\\.?\\s?') + "(?:\\.|(?![\\p{L}\\p{N}]|'\\p{L}))";
  let out = '';
  for (const ch of term.key) {
    if (ch === ' ') out += '\\s+';
    else if (ch === "'") out += "(?:'\\s?|\\s)?";
    else if (ch === '-') out += '(?:-|\\s)?';
    else out += escapeRegExp(ch);
  }
  // The right-hand boundary sits in each alternative so a distinctive name may carry a bare "s".
  return out + (!term.wordLike && term.key.length >= POSSESSIVE_S_MIN ? '(?=s?(?![\\p{L}\\p{N}]))' : '(?![\\p{L}\\p{N}])');
}

const compiled = new WeakMap<readonly NameTerm[], { re: RegExp; sorted: NameTerm[] }>();

/** One alternation of every term, longest first, cached per term list. */
function regexFor(terms: readonly NameTerm[]): { re: RegExp; sorted: NameTerm[] } {
  const cached = compiled.get(terms);
  if (cached) return cached;
  const sorted = [...terms].sort((a, b) => b.key.length - a.key.length);
  const source = sorted.map((t) => `(${termPattern(t)})`).join('|');
  const out = { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})`, 'gu'), sorted };
  compiled.set(terms, out);
  return out;
}

const isLower = (s: string) => s === s.toLowerCase() && s !== s.toUpperCase();
const isAllCaps = (s: string) => /\p{L}/u.test(s) && s === s.toUpperCase();

/** Words before a month that make it a date ("in May", "during March", "since Jan"). */
const MONTH_CUES = /(?:^|[^\p{L}])(?:in|on|during|since|until|till|from|of|early|late|mid|end|last|next|this|before|after|between|through|throughout|the|each|every)[\s-]+$/iu;

/** Words after a capitalised word that show it is a person acting or owning (sentence-initial "Will said", "Grace's"). */
const NAME_FOLLOWERS = new RegExp(
  `^(?:'s?|s'|\\s+(?:${[...SPEECH_VERBS, 'was', 'is', 'had', 'has', 'and', 'attended', 'went', 'moved', 'lived', 'stayed', 'arrived', 'left', 'did', 'would', 'could', 'became', 'returned', 'visited', 'took', 'came', 'saw', 'met', 'missed', 'presented', 'appeared', 'seemed', 'remained', 'gave', 'made', 'got', 'felt', 'wanted', 'cried'].join('|')})(?![\\p{L}])|\\s*[,;:.)!?]|\\s+\\p{Lu})`,
  'u',
);

/**
 * Whether a word-like term ("May", "Will", "Precious") is used as a name here. Lower case is the word;
 * capitals of an acronym are the acronym; a month beside a number or after "in", "during" is a date;
 * after a title it is a name; at the start of a sentence it is a name only when a name-like word
 * follows (a verb of speech or action, a possessive, punctuation, another capitalised word); anywhere
 * else a capitalised word is a name, since leaking it is worse than over-redacting it.
 */
export function usedAsName(original: string, start: number, end: number, key: string): boolean {
  const found = original.slice(start, end);
  if (isLower(found)) return false;
  if (isAllCaps(found) && found.replace(/[^\p{L}]/gu, '').length <= 5 && ACRONYMS.has(key)) return false;
  const before = original.slice(Math.max(0, start - 24), start);
  const after = original.slice(end, end + 24);
  if (MONTH_WORDS.has(key)) {
    if (/^\.?,?\s*\d/.test(after) || /\d(?:st|nd|rd|th)?(?:\s+of)?[\s-]+$/i.test(before) || MONTH_CUES.test(before)) return false;
  }
  if (/(?:^|[^\p{L}])(?:mr|mrs|ms|miss|mx|dr)\.?\s+$/iu.test(before)) return true;
  const sentenceStart = /(?:^|[.!?:;\n•*-]\s*|^\s*["\u201C'\u2018(]\s*)$/u.test(before) || before.trim() === '';
  if (!sentenceStart) return true;
  return NAME_FOLLOWERS.test(after);
}

/**
 * Finds every occurrence of any term in the folded view, longest first so "Kerry Thornbury" wins over
 * "Kerry", bounded by non-letters so "Ann" does not match inside "Annual", in any case for distinctive
 * names. Word-like names must be used as names; initials must be written in capitals; an all-capitals
 * acronym ("ED", "LA", "MAR") is never a name.
 */
export function findTerms(view: NormalView, terms: readonly NameTerm[]): TermHit[] {
  if (terms.length === 0 || !view.norm) return [];
  const { re, sorted } = regexFor(terms);
  re.lastIndex = 0;
  const hits: TermHit[] = [];
  for (const m of view.norm.matchAll(re)) {
    const idx = m.slice(1).findIndex((g) => g !== undefined);
    const term = sorted[idx]!;
    const span = originalSpan(view, m.index!, m.index! + m[0].length);
    const found = view.original.slice(span.start, span.end);
    if (term.kind === 'initials') {
      if (found.replace(/[^\p{L}]/gu, '') !== found.replace(/[^\p{L}]/gu, '').toUpperCase()) continue;
    } else if (term.wordLike) {
      if (!usedAsName(view.original, span.start, span.end, term.key)) continue;
    } else if (isAllCaps(found) && ACRONYMS.has(term.key)) continue;
    hits.push({ ...span, term });
  }
  return hits;
}
