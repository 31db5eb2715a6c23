import * as chrono from 'chrono-node';
import type { Person } from '../people.js';
import type { IdentifierHit } from './identifiers.js';
import { originalSpan, type NormalView } from './normalise.js';

/** A date of birth from the register as numbers, with its owner. */
type Dob = { y: number; m: number; d: number; personId: string };

/** Digit dates in either order ("01/02/2015", "02-01-15"): the US order is tried too, leaking is worse. */
const NUMERIC_RE = /(?<![\d])(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{2,4})(?![\d])/g;

/** Compact digit dates: DDMMYYYY, YYYYMMDD, MMDDYYYY, DDMMYY. */
const COMPACT_RE = /(?<![\d])(\d{6}|\d{8})(?![\d])/g;

const fullYear = (y: number) => (y >= 100 ? y : y + (y > 30 ? 1900 : 2000));

/** Register dates of birth as numbers. */
export function registerDobs(people: readonly Person[]): Dob[] {
  return people.filter((p) => p.dateOfBirth).map((p) => {
    const [y, m, d] = p.dateOfBirth!.split('-').map(Number) as [number, number, number];
    return { y, m, d, personId: p.id };
  });
}

/**
 * Every written date in the text that equals a register date of birth: English dates of any shape that
 * chrono-node reads with a year ("1st of February 2015", "February 1, 2015", "01-Feb-2015",
 * "2015/02/01"), digit dates in either day/month order, and compact digits ("01022015", "20150201").
 * chrono runs only when the text holds one of the years, which keeps long exports fast.
 */
export function findDatesOfBirth(view: NormalView, dobs: readonly Dob[]): IdentifierHit[] {
  if (dobs.length === 0) return [];
  const text = view.norm;
  const relevant = dobs.filter((b) => text.includes(String(b.y)) || text.includes(String(b.y).slice(2)));
  if (relevant.length === 0) return [];
  const out: IdentifierHit[] = [];
  const hit = (start: number, end: number, y: number, m: number, d: number) => {
    const b = relevant.find((x) => x.y === y && x.m === m && x.d === d);
    if (b) out.push({ ...originalSpan(view, start, end), kind: 'date-of-birth', personId: b.personId });
  };
  for (const r of chrono.en.GB.parse(text)) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    // chrono includes a leading preposition ("on 1st of February 2015"); the sentence keeps it.
    const lead = /^(?:on|at|from|since|by|the|of)\s+/i.exec(r.text)?.[0].length ?? 0;
    hit(r.index + lead, r.index + r.text.length, c.get('year')!, c.get('month')!, c.get('day')!);
  }
  for (const m of text.matchAll(NUMERIC_RE)) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const end = m.index! + m[0].length;
    if (m[1]!.length === 4) hit(m.index!, end, a, b, c);
    else { hit(m.index!, end, fullYear(c), b, a); hit(m.index!, end, fullYear(c), a, b); }
  }
  for (const m of text.matchAll(COMPACT_RE)) {
    const s = m[1]!;
    const n = (i: number, l: number) => Number(s.slice(i, i + l));
    const end = m.index! + s.length;
    if (s.length === 8) { hit(m.index!, end, n(4, 4), n(2, 2), n(0, 2)); hit(m.index!, end, n(0, 4), n(4, 2), n(6, 2)); hit(m.index!, end, n(4, 4), n(0, 2), n(2, 2)); }
    else hit(m.index!, end, fullYear(n(4, 2)), n(2, 2), n(0, 2));
  }
  return out;
}
