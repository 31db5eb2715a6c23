import { blankPerson, type Gender, type Person } from '../../../shared/people.js';
import type { GenogramData, ParentChild, Partnership, PartnershipKind, Relationship, ChildLinkKind } from '../../../shared/genogram/index.js';

/**
 * Families for the genogram tests. `fortyPersonFamily` is drawn by hand to look like a real review's
 * family: four generations, both parents' sides, a grandmother's second partner and his son (half-
 * siblings), a mother with two fathers of her children, an unknown mother (a placeholder), twins, a
 * step-father and a great-uncle fostering a child. `randomFamily` grows a family at random from a seed.
 */

/** A family as register people and genogram data. */
export type TestFamily = { people: Person[]; data: GenogramData };

/** Deterministic ids that satisfy IdSchema (16-24 url-safe characters). */
export function rid(tag: string): string {
  return `${tag}_`.padEnd(16, 'x').slice(0, 24);
}

class Builder {
  people: Person[] = [];
  relationships: Relationship[] = [];
  person(tag: string, gender: Gender, dob: string | null, extra: Partial<Person> = {}): string {
    const id = rid(tag);
    this.people.push({ ...blankPerson(id), name: tag, gender, dateOfBirth: dob, ...extra });
    return id;
  }
  couple(a: string, b: string, kind: PartnershipKind = 'married'): string {
    const id = rid(`p${this.relationships.length}`);
    this.relationships.push({ type: 'partnership', id, a, b, kind } satisfies Partnership);
    return id;
  }
  child(parent: string, child: string, opts: { person?: boolean; kind?: ChildLinkKind } = {}): void {
    const id = rid(`c${this.relationships.length}`);
    this.relationships.push({
      type: 'parent-child',
      id,
      parentType: opts.person ? 'person' : 'partnership',
      parent,
      child,
      kind: opts.kind ?? 'birth',
    } satisfies ParentChild);
  }
  build(): TestFamily {
    return { people: this.people, data: { relationships: this.relationships, households: [], positions: new Map(), birthStatus: new Map() } };
  }
}

/** The hand-drawn 40-person family over four generations. */
export function fortyPersonFamily(): TestFamily {
  const b = new Builder();
  // Generation 0: three couples of grandparents; the maternal grandmother later lives with M4.
  const m1 = b.person('M1', 'male', '1948-02-01');
  const f1 = b.person('F1', 'female', '1950-06-12');
  const m2 = b.person('M2', 'male', '1946-09-30');
  const f2 = b.person('F2', 'female', '1949-01-15');
  const m3 = b.person('M3', 'male', '1951-11-02');
  const f3 = b.person('F3', 'female', '1953-04-20', { dateOfDeath: '2015-03-01' });
  const m4 = b.person('M4', 'male', '1955-07-07');
  const g0a = b.couple(m1, f1, 'divorced');
  const g0b = b.couple(m2, f2);
  const g0c = b.couple(m3, f3);
  const g0d = b.couple(f1, m4, 'cohabiting');
  // Generation 1.
  const a1 = b.person('A1', 'female', '1975-03-03');
  const a2 = b.person('A2', 'male', '1977-05-05');
  const a3 = b.person('A3', 'female', '1980-08-08');
  const a4 = b.person('A4', 'male', '1986-10-10');
  const b1 = b.person('B1', 'male', '1973-12-12');
  const b2 = b.person('B2', 'female', '1976-02-02');
  const c1 = b.person('C1', 'male', '1979-04-04');
  const c2 = b.person('C2', 'female', '1982-06-06');
  const d1 = b.person('D1', 'male', '1974-01-01');
  const e1 = b.person('E1', 'female', '1978-09-09');
  const g1 = b.person('G1', 'male', '1980-03-30');
  const u = b.person('U', 'female', null, { name: 'Unknown' });
  // Deliberately listed out of birth order, so ordering siblings is the layout's work.
  b.child(g0a, a3);
  b.child(g0a, a1);
  b.child(g0a, a2);
  b.child(g0d, a4);
  b.child(g0b, b2);
  b.child(g0b, b1);
  b.child(g0c, c2);
  b.child(g0c, c1);
  const g1a = b.couple(b1, a1, 'divorced');
  const g1b = b.couple(a1, d1, 'cohabiting');
  const g1c = b.couple(a2, e1);
  const g1d = b.couple(b2, c1);
  const g1e = b.couple(c2, g1, 'separated');
  const g1f = b.couple(a4, u, 'ended');
  // Generation 2.
  const k = (tag: string, gender: Gender, dob: string) => b.person(tag, gender, dob);
  const k1 = k('K1', 'female', '1995-01-20');
  const k2 = k('K2', 'male', '1998-02-20');
  const k3 = k('K3', 'male', '2003-03-20');
  const k4 = k('K4', 'female', '2006-04-20');
  const k5 = k('K5', 'female', '2000-05-20');
  const k6 = k('K6', 'male', '2004-06-20');
  const k7 = k('K7', 'female', '1999-07-20');
  const k8 = k('K8', 'male', '2001-08-20');
  const k9 = k('K9', 'female', '2005-09-20');
  const k10 = k('K10', 'male', '2008-10-20');
  const k11 = k('K11', 'female', '2010-11-20');
  b.child(g1a, k2);
  b.child(g1a, k1);
  b.child(g1b, k4);
  b.child(g1b, k3);
  b.child(g1c, k6);
  b.child(g1c, k5);
  b.child(g1d, k9);
  b.child(g1d, k7);
  b.child(g1d, k8);
  b.child(g1e, k10);
  b.child(g1f, k11);
  const h1 = b.person('H1', 'male', '1992-01-01');
  const h2 = b.person('H2', 'male', '1990-02-02');
  const j1 = b.person('J1', 'male', '1999-03-03');
  const l1 = b.person('L1', 'male', '1997-04-04');
  const g2a = b.couple(k1, h1, 'separated');
  const g2b = b.couple(k1, h2, 'cohabiting');
  const g2c = b.couple(k5, j1, 'cohabiting');
  const g2d = b.couple(k7, l1, 'divorced');
  // Generation 3: the subject child S2, half-sibling S3, twins S5 and S6.
  const s1 = b.person('S1', 'male', '2015-05-05');
  const s2 = b.person('S2', 'female', '2017-06-06', { isSubject: true });
  const s3 = b.person('S3', 'male', '2021-07-07');
  const s4 = b.person('S4', 'female', '2022-08-08');
  const s5 = b.person('S5', 'male', '2019-09-09');
  const s6 = b.person('S6', 'female', '2019-09-09');
  b.child(g2a, s2);
  b.child(g2a, s1);
  b.child(g2b, s3);
  b.child(h2, s2, { person: true, kind: 'step' });
  b.child(g1c, s2, { kind: 'foster' });
  b.child(g2c, s4);
  b.child(g2d, s6);
  b.child(g2d, s5);
  b.relationships.push({ type: 'twins', id: rid('twins'), a: s5, b: s6, identical: false });
  return b.build();
}

/** A small deterministic pseudo-random generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Grows a family of `size` people over four generations from two founding couples: each step either
 * gives someone a partner (sometimes a second one), or gives a couple or a single parent a child.
 */
export function randomFamily(seed: number, size = 40): TestFamily {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const b = new Builder();
  const gen = new Map<string, number>();
  const year = (g: number) => 1945 + g * 25 + Math.floor(rnd() * 15);
  const dob = (g: number) => `${year(g)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  let n = 0;
  const add = (g: number) => {
    const id = b.person(`R${seed}n${n++}`, pick(['male', 'female', 'female', 'male', 'unknown'] as const), rnd() < 0.1 ? null : dob(g));
    gen.set(id, g);
    return id;
  };
  const couples: { id: string; g: number; a: string; b: string }[] = [];
  for (let i = 0; i < 2; i++) {
    const x = add(0);
    const y = add(0);
    couples.push({ id: b.couple(x, y), g: 0, a: x, b: y });
  }
  const partners = new Map<string, number>();
  const parentLinks = (id: string) => b.relationships.filter((r) => r.type === 'parent-child' && r.child === id).map((r) => (r as ParentChild).parent);
  const siblings = (x: string, y: string) => parentLinks(x).some((l) => parentLinks(y).includes(l));
  while (b.people.length < size) {
    const r = rnd();
    if (r < 0.55 && couples.length > 0) {
      const c = pick(couples);
      if (c.g >= 3) continue;
      b.child(c.id, add(c.g + 1));
    } else if (r < 0.85) {
      const candidates = b.people.filter((p) => (gen.get(p.id) ?? 0) < 3 && (partners.get(p.id) ?? 0) < 2);
      if (candidates.length === 0) continue;
      const p = pick(candidates);
      const g = gen.get(p.id)!;
      // Sometimes two branches of the family marry: the partner is someone already drawn, with parents of their own.
      const inLaws = b.people.filter((x) => x.id !== p.id && gen.get(x.id) === g && !partners.has(x.id) && !siblings(x.id, p.id));
      const q = rnd() < 0.3 && inLaws.length > 0 ? pick(inLaws).id : add(g);
      partners.set(p.id, (partners.get(p.id) ?? 0) + 1);
      partners.set(q, (partners.get(q) ?? 0) + 1);
      couples.push({ id: b.couple(p.id, q, pick(['married', 'cohabiting', 'separated', 'divorced', 'ended'] as const)), g, a: p.id, b: q });
    } else {
      const singles = b.people.filter((p) => (gen.get(p.id) ?? 0) < 3);
      const p = pick(singles);
      b.child(p.id, add(gen.get(p.id)! + 1), { person: true });
    }
  }
  return b.build();
}

/**
 * A random family (see randomFamily) made harder to draw: some children are adopted or fostered, a
 * foster carer in the family takes a child from another branch, there are abuse and relationship
 * lines between people anywhere in the drawing, and the people are split into several households.
 */
export function busyFamily(seed: number, size = 40): TestFamily {
  const f = randomFamily(seed, size);
  const rnd = prng(seed * 7919 + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const relationships = f.data.relationships.map((r) => (r.type === 'parent-child' && rnd() < 0.2 ? { ...r, kind: pick(['adopted', 'foster', 'step'] as const) } : r));
  const ids = f.people.map((p) => p.id);
  const children = relationships.filter((r): r is ParentChild => r.type === 'parent-child');
  // A single foster carer from an older generation takes in a child who already has parents in the drawing.
  const fostered = pick(children).child;
  const carer = pick(ids.filter((id) => id !== fostered && !children.some((c) => c.child === id && c.parent === fostered)));
  if (!relationships.some((r) => r.type === 'parent-child' && (r.child === carer || r.parent === carer) && (r.parent === fostered || r.child === fostered))) {
    relationships.push({ type: 'parent-child', id: rid(`foster${seed}`), parentType: 'person', parent: carer, child: fostered, kind: 'foster' });
  }
  const kinds = ['domestic-abuse', 'physical-abuse', 'conflict', 'close', 'distant', 'cut-off', 'neglect', 'emotional-abuse'] as const;
  for (let i = 0; i < 8; i++) {
    const from = pick(ids);
    const to = pick(ids.filter((id) => id !== from));
    const kind = pick(kinds);
    relationships.push({ type: 'line', id: rid(`line${i}s${seed}`), from, to, kind, directed: kind.endsWith('abuse') || kind === 'neglect' });
  }
  const households = [0, 1, 2, 3].map((h) => ({
    id: rid(`hh${h}s${seed}`),
    label: ['Mother\u2019s household', 'Paternal grandparents\u2019 home', 'Foster placement', 'Father\u2019s flat'][h]!,
    memberIds: [...new Set(Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => pick(ids)))],
  }));
  return { people: f.people, data: { ...f.data, relationships, households } };
}
