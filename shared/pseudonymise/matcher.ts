import { MONTHS } from './commonWords.js';
import type { NameTerm } from './nameTerms.js';

/** One place a term occurs in a text. */
export type TermHit = { start: number; end: number; term: NameTerm };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for a term that also matches it without accents ("Zoë" and "Zoe"), with any spacing, with
 * straight or curly apostrophes, and with optional full stops between initials ("K.T.", "K T").
 */
function termPattern(term: NameTerm): string {
  if (term.kind === 'initials') return term.text.split('').map(escapeRegExp).join('\\.?\\s?') + '\\.?';
  let out = '';
  for (const ch of term.text) {
    if (/\s/.test(ch)) { out += '\\s+'; continue; }
    if (ch === "'" || ch === '\u2019') { out += "['\u2019]"; continue; }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== ch && base.length === 1 ? `[${escapeRegExp(ch)}${escapeRegExp(base)}]` : escapeRegExp(ch);
  }
  return out;
}

/** True when the letters of `s` start with a capital (Title or UPPER case). */
const isCapitalised = (s: string) => /^\p{Lu}/u.test(s);

/**
 * Finds every occurrence of any term, longest first so that "Kerry Thornbury" wins over "Kerry", in
 * any letter case, bounded by non-letters so "Ann" does not match inside "Annual". Word-like names
 * match only when capitalised, and a month name followed or preceded by a day or year stays a date.
 */
export function findTerms(text: string, terms: readonly NameTerm[]): TermHit[] {
  if (terms.length === 0 || !text) return [];
  const sorted = [...terms].sort((a, b) => b.text.length - a.text.length);
  const source = sorted.map((t) => `(${termPattern(t)})`).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
  const hits: TermHit[] = [];
  const norm = text.normalize('NFC');
  for (const m of norm.matchAll(re)) {
    const idx = m.slice(1).findIndex((g) => g !== undefined);
    const term = sorted[idx]!;
    const start = m.index!;
    const found = m[0];
    if (term.wordLike && !isCapitalised(found)) continue;
    if (term.kind === 'initials' && found.replace(/[^\p{L}]/gu, '') !== term.text) continue; // initials only in capitals
    if (MONTHS.includes(term.text.toLowerCase()) && looksLikeDate(norm, start, start + found.length)) continue;
    hits.push({ start, end: start + found.length, term });
  }
  return hits;
}

/** "May 2019", "12 May", "May 12": the month reading wins when a number sits beside it. */
function looksLikeDate(text: string, start: number, end: number): boolean {
  return /^\s*\d{1,4}\b/.test(text.slice(end, end + 6)) || /\b\d{1,2}(st|nd|rd|th)?\s*$/i.test(text.slice(Math.max(0, start - 6), start));
}
