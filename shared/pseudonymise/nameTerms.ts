import type { Person } from '../people.js';
import { NAMES_THAT_ARE_WORDS, PLACEHOLDER_NAMES } from './commonWords.js';

/** One thing in the register that identifies a person and must not leave the review. */
export type NameTerm = {
  /** The text as written in the register. */
  text: string;
  kind: 'full-name' | 'alias' | 'first-name' | 'surname' | 'initials';
  /** The people it could mean; more than one makes it ambiguous. */
  personIds: string[];
  /** True when a lower-case occurrence is an ordinary word, not the name. */
  wordLike: boolean;
};

/** Shortest single name part treated as a name; one letter alone is initials, handled separately. */
const MIN_PART_CHARS = 2;

const splitParts = (name: string): string[] => name.split(/\s+/).filter((p) => p.length >= MIN_PART_CHARS);

/**
 * Every identifying term in the register: full names, aliases, first names and surnames alone (and
 * the parts of double-barrelled names), and initials that point at exactly one person. A term shared
 * by several people (a family surname) is kept once with all their ids.
 */
export function nameTerms(people: readonly Person[]): NameTerm[] {
  const byKey = new Map<string, NameTerm>();
  const add = (text: string, kind: NameTerm['kind'], personId: string) => {
    const t = text.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (t.length < MIN_PART_CHARS || PLACEHOLDER_NAMES.has(t.toLowerCase())) return;
    const key = t.toLowerCase();
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.personIds.includes(personId)) existing.personIds.push(personId);
      // A full name beats a part when the same text is both.
      if (kind === 'full-name' || kind === 'alias') existing.kind = kind;
      return;
    }
    byKey.set(key, { text: t, kind, personIds: [personId], wordLike: !t.includes(' ') && NAMES_THAT_ARE_WORDS.has(key) });
  };

  const initials = new Map<string, string[]>();
  for (const p of people) {
    const names = [p.name, ...p.aliases].map((n) => n.trim()).filter((n) => n && !PLACEHOLDER_NAMES.has(n.toLowerCase()));
    names.forEach((n, i) => add(n, i === 0 ? 'full-name' : 'alias', p.id));
    for (const n of names) {
      const parts = splitParts(n);
      if (parts.length > 1) {
        add(parts[0]!, 'first-name', p.id);
        add(parts[parts.length - 1]!, 'surname', p.id);
        for (const mid of parts.slice(1, -1)) add(mid, 'first-name', p.id);
      }
      for (const part of parts) if (part.includes('-')) for (const piece of part.split('-')) add(piece, 'surname', p.id);
      const letters = n.split(/[\s-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('');
      if (letters.length >= 2) initials.set(letters, [...(initials.get(letters) ?? []), p.id]);
    }
  }
  // Initials are only a name when they are unambiguous across the register.
  for (const [letters, ids] of initials) {
    const unique = [...new Set(ids)];
    if (unique.length === 1 && !byKey.has(letters.toLowerCase())) {
      byKey.set(letters.toLowerCase(), { text: letters, kind: 'initials', personIds: unique, wordLike: false });
    }
  }
  return [...byKey.values()];
}
