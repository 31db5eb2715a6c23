import type { Person } from '../people.js';

/**
 * Patterns for identifiers that are removed from anything that leaves a review, whoever they belong
 * to: they identify people outside the register too (practitioners, neighbours).
 */

/** Email addresses. */
export const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu;

/** UK postcodes, e.g. "NB1 4QT", "SW1A 1AA", with or without the space. */
export const POSTCODE_RE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[A-Z]{2}\b/gi;

/** NHS numbers: ten digits, often written 3-3-4 with spaces or hyphens. */
export const NHS_RE = /(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)/g;

/** UK phone numbers: 07xxx xxxxxx, 01xx/02x landlines, +44 forms. */
export const PHONE_RE = /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)(?:\d[\s-]?){9,10}(?!\d)/g;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Every common way a date of birth is written: 14/03/2019, 14/3/2019, 2019-03-14, 14 March 2019, 14th Mar 2019. */
export function dateVariantsPattern(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  const month = MONTH_NAMES[m - 1]!;
  const numeric = `0?${d}[/.-]0?${m}[/.-](?:${y}|${String(y).slice(2)})`;
  const isoForm = `${y}-${mm}-${dd}`;
  const words = `0?${d}(?:st|nd|rd|th)?\\s+(?:${month}|${month.slice(0, 3)})\\.?,?\\s+${y}`;
  return `(?<!\\d)(?:${numeric}|${isoForm}|${words})(?!\\d)`;
}

/** Whole years between a date of birth and a later date, both ISO. */
export function ageOn(dobIso: string, onIso: string): number {
  const [by, bm, bd] = dobIso.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Text as an escaped regular-expression source matching any whitespace run. */
export function literalPattern(text: string): string {
  return text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/,/g, ',?');
}

/** Register addresses and dates of birth as patterns, with the person they belong to. */
export function registerIdentifiers(people: readonly Person[]): { kind: 'address' | 'date-of-birth' | 'nhs-number'; personId: string; pattern: string }[] {
  const out: { kind: 'address' | 'date-of-birth' | 'nhs-number'; personId: string; pattern: string }[] = [];
  for (const p of people) {
    for (const a of p.addresses) if (a.trim().length >= 4) out.push({ kind: 'address', personId: p.id, pattern: literalPattern(a) });
    if (p.dateOfBirth) out.push({ kind: 'date-of-birth', personId: p.id, pattern: dateVariantsPattern(p.dateOfBirth) });
    const digits = p.nhsNumber.replace(/\D/g, '');
    if (digits.length === 10) out.push({ kind: 'nhs-number', personId: p.id, pattern: `${digits.slice(0, 3)}[\\s-]?${digits.slice(3, 6)}[\\s-]?${digits.slice(6)}` });
  }
  return out;
}
