import type { Person } from '../people.js';
import type { IdentifierHit } from './identifiers.js';
import { escapeRegExp, foldKey, originalSpan, type NormalView } from './normalise.js';

/** Street types and the abbreviations people write for them. */
const STREET_TYPES: readonly (readonly string[])[] = [
  ['road', 'rd'],
  ['close', 'cl'],
  ['court', 'ct'],
  ['avenue', 'ave', 'av'],
  ['street', 'st'],
  ['lane', 'ln'],
  ['drive', 'dr'],
  ['crescent', 'cres', 'cresc'],
  ['place', 'pl'],
  ['gardens', 'gdns', 'gdn'],
  ['terrace', 'terr', 'tce'],
  ['grove', 'gr', 'gro'],
  ['way'],
  ['walk'],
  ['square', 'sq'],
  ['mews'],
  ['parade', 'pde'],
  ['park', 'pk'],
  ['rise'],
  ['row'],
  ['view'],
  ['hill'],
  ['green', 'grn'],
];

const ANY_TYPE = `(?:${STREET_TYPES.flat()
  .map((t) => escapeRegExp(t))
  .join('|')})\\.?`;

const typeGroup = (word: string) => STREET_TYPES.find((g) => g.includes(word));

/**
 * One register address broken into parts a writer may use loosely. Each pattern carries a word it
 * cannot match without (the street name's first word, or "flat"), tested first because it is cheap.
 */
type AddressParts = { personId: string; patterns: { re: RegExp; needle: string }[] };

/**
 * Breaks each register address into the parts people write: the house number (with a letter, and a
 * flat number before it) with the street name, with or without the street type or its abbreviation
 * ("12 Acacia Rd", "Flat 3, 27 Laburnum Cl", "12 Acacia"), and the street name with its type alone
 * ("Acacia Road"). A town on its own is not identifying and is left.
 */
export function addressParts(people: readonly Person[]): AddressParts[] {
  const out: AddressParts[] = [];
  for (const p of people) {
    const patterns: AddressParts['patterns'] = [];
    for (const address of p.addresses) {
      const key = foldKey(address);
      const street = /(?:flat\s*(\d+[a-z]?)\s*,?\s*)?(?:(\d+[a-z]?)\s*,?\s+)?((?:[\p{L}'-]+\s+){0,3}?[\p{L}'-]+)\s+([\p{L}]+)\.?(?=[\s,]|$)/u.exec(key);
      if (!street) continue;
      const [, flat, number, name, type] = street;
      const group = typeGroup(type!);
      const namePat = name!.split(/\s+/).map(escapeRegExp).join('\\s+');
      const needle = name!.split(/\s+/)[0]!;
      const typePat = group ? `(?:${group.map(escapeRegExp).join('|')})\\.?` : escapeRegExp(type!);
      const flatPat = '(?:(?:flat|apartment|apt)\\s*\\d+[a-z]?\\s*,?\\s*)?';
      if (group) {
        if (number)
          patterns.push({ needle, re: new RegExp(`(?<![\\p{L}\\p{N}])${flatPat}${escapeRegExp(number)}\\s*,?\\s+${namePat}(?:\\s+${typePat})?(?![\\p{L}\\p{N}])`, 'gu') });
        // The street name with any street type: "Acacia Ave" for "Acacia Road" still points at the family.
        patterns.push({ needle, re: new RegExp(`(?<![\\p{L}\\p{N}])${namePat}\\s+${ANY_TYPE}(?![\\p{L}\\p{N}])`, 'gu') });
      } else if (number) {
        patterns.push({ needle, re: new RegExp(`(?<![\\p{L}\\p{N}])${flatPat}${escapeRegExp(number)}\\s*,?\\s+${namePat}\\s+${typePat}(?![\\p{L}\\p{N}])`, 'gu') });
      }
      if (flat) patterns.push({ needle: 'flat', re: new RegExp(`(?<![\\p{L}\\p{N}])flat\\s*${escapeRegExp(flat)}(?![\\p{L}\\p{N}])`, 'gu') });
      const words = key.split(/[\s,]+/).filter(Boolean);
      const literal = words.map(escapeRegExp).join('[\\s,]+');
      if (literal.length >= 4) patterns.push({ needle: words[0]!, re: new RegExp(`(?<![\\p{L}\\p{N}])${literal}(?![\\p{L}\\p{N}])`, 'gu') });
    }
    if (patterns.length > 0) out.push({ personId: p.id, patterns });
  }
  return out;
}

/** Every place a register address, or a recognisable part of it, is written. */
export function findAddresses(view: NormalView, parts: readonly AddressParts[]): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const a of parts) {
    for (const { re, needle } of a.patterns) {
      if (!view.norm.includes(needle)) continue;
      re.lastIndex = 0;
      for (const m of view.norm.matchAll(re)) out.push({ ...originalSpan(view, m.index!, m.index! + m[0].length), kind: 'address', personId: a.personId });
    }
  }
  return out;
}
