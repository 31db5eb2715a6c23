import type { Person } from '../people.js';
import { ACRONYMS, NAMES_THAT_ARE_WORDS, PLACEHOLDER_NAMES } from './commonWords.js';
import { foldKey } from './normalise.js';

/** One thing in the register that identifies a person and must not leave the review. */
export type NameTerm = {
  /** The text as written in the register. */
  text: string;
  /** The folded form matched against the folded text (see normalise.ts). */
  key: string;
  kind: 'full-name' | 'alias' | 'first-name' | 'surname' | 'initials';
  /** The people it could mean; more than one makes it ambiguous. */
  personIds: string[];
  /** True when the term is also an everyday word, so only a use as a name is replaced. */
  wordLike: boolean;
};

/** Shortest single name part treated as a name; one letter alone is initials, handled separately. */
const MIN_PART_CHARS = 2;

const splitParts = (name: string): string[] => name.split(/\s+/).filter((p) => p.length >= MIN_PART_CHARS);

/** Options for building terms. */
export type TermOptions = { /** The review's agency short codes, never treated as initials. */ agencyCodes?: readonly string[] };

/**
 * Every identifying term in the register: full names, aliases, first names and surnames alone (and
 * the parts of double-barrelled names), and initials of all the name's parts and of first and last
 * name only. A term shared by several people (a family surname, two people's initials) is kept once
 * with all their ids and becomes "[name removed]". Initials equal to an agency code or a common
 * acronym ("GP", "HV") are never a term: the code reading wins, so it is neither replaced nor refused.
 */
export function nameTerms(people: readonly Person[], opts: TermOptions = {}): NameTerm[] {
  const codes = new Set((opts.agencyCodes ?? []).map((c) => foldKey(c)));
  const byKey = new Map<string, NameTerm>();
  const add = (text: string, kind: NameTerm['kind'], personId: string) => {
    const t = text.normalize('NFC').trim().replace(/\s+/g, ' ');
    const key = foldKey(t);
    if (key.replace(/[^\p{L}]/gu, '').length < MIN_PART_CHARS || PLACEHOLDER_NAMES.has(key)) return;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.personIds.includes(personId)) existing.personIds.push(personId);
      // A full name beats a part when the same text is both.
      if (kind === 'full-name' || kind === 'alias') existing.kind = kind;
      return;
    }
    const wordLike = !key.includes(' ') && (NAMES_THAT_ARE_WORDS.has(key) || ACRONYMS.has(key) || codes.has(key));
    byKey.set(key, { text: t, key, kind, personIds: [personId], wordLike });
  };

  const initials = new Map<string, Set<string>>();
  const addInitials = (letters: string, id: string) => {
    if (letters.length < 2) return;
    initials.set(letters, (initials.get(letters) ?? new Set()).add(id));
  };
  for (const p of people) {
    const names = [p.name, ...p.aliases].map((n) => n.trim()).filter((n) => n && !PLACEHOLDER_NAMES.has(n.toLowerCase()));
    names.forEach((n, i) => {
      add(n, i === 0 ? 'full-name' : 'alias', p.id);
    });
    for (const n of names) {
      const parts = splitParts(n);
      if (parts.length > 1) {
        add(parts[0]!, 'first-name', p.id);
        add(parts[parts.length - 1]!, 'surname', p.id);
        for (const mid of parts.slice(1, -1)) add(mid, 'first-name', p.id);
      }
      for (const part of parts) if (part.includes('-')) for (const piece of part.split('-')) add(piece, 'surname', p.id);
      const words = n.split(/\s+/).filter(Boolean);
      const first = (w: string) =>
        foldKey(w)
          .replace(/[^\p{L}]/gu, '')
          .slice(0, 1);
      addInitials(
        n
          .split(/[\s-]+/)
          .filter(Boolean)
          .map(first)
          .join(''),
        p.id,
      );
      if (words.length > 2) addInitials(first(words[0]!) + first(words[words.length - 1]!), p.id);
    }
  }
  for (const [letters, ids] of initials) {
    if (byKey.has(letters) || ACRONYMS.has(letters) || codes.has(letters)) continue;
    byKey.set(letters, { text: letters.toUpperCase(), key: letters, kind: 'initials', personIds: [...ids], wordLike: false });
  }
  return [...byKey.values()];
}
