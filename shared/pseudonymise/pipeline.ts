import type { Person } from '../people.js';
import { findAddresses, addressParts } from './addresses.js';
import { findDatesOfBirth, registerDobs } from './dates.js';
import { findingId, type Finding, type RedactionDecision } from './findings.js';
import { findFlags } from './flags.js';
import { ageOn, findAccounts, findNhsNumbers, findPhones, findPostcodes, type IdentifierHit } from './identifiers.js';
import { AMBIGUOUS_NAME, REMOVED, reportLabels } from './labels.js';
import { findTerms } from './matcher.js';
import { nameTerms, type NameTerm } from './nameTerms.js';
import { compactKey, escapeRegExp, foldKey, normalise, type NormalView } from './normalise.js';

/** Everything one review's pipeline is built from. */
export type PipelineOptions = {
  /** A reference date (ISO): a date of birth in text becomes the person's age on it. */
  agesOn?: string;
  /** The review's agency short codes and names: never names, never refused. */
  agencyCodes?: readonly string[];
  agencyNames?: readonly string[];
  /** Text the reviewer marked as not identifying (a service or place named like a family member). */
  allowlist?: readonly string[];
  /** The reviewer's stored decisions, by finding id. */
  decisions?: readonly RedactionDecision[];
};

/** Shortest name part looked for inside handles, user names and links. */
const MIN_EMBEDDED_NAME = 3;

const IDENTIFIER_MARKER: Record<IdentifierHit['kind'], string> = {
  email: REMOVED.email,
  handle: REMOVED.handle,
  link: REMOVED.link,
  'user-name': REMOVED.userName,
  phone: REMOVED.phone,
  'nhs-number': REMOVED.nhs,
  postcode: REMOVED.postcode,
  address: REMOVED.address,
  'date-of-birth': REMOVED.dateOfBirth,
};

/** Most texts whose analysis one pipeline keeps (cleared when full); a pipeline lives for one export. */
const MAX_MEMO_TEXTS = 50_000;

/** Longest text whose analysis is kept: long texts are met once. */
const MAX_MEMO_TEXT_CHARS = 8_000;

/** A finding before decisions apply. */
type Raw = Omit<Finding, 'replacement' | 'decided'>;

/** One review's pseudonymisation pipeline: the same instance finds, decides and replaces. */
export type Pipeline = {
  /** Every replacement and flag in a text, after the allowlist and decisions, in text order, not overlapping. */
  analyse(input: string): { view: NormalView; findings: Finding[] };
  /** The text with every finding replaced as decided (an undecided flag takes its suggestion). */
  text(input: string): string;
  /** A person's report label. */
  label(personId: string): string;
  /** The register terms it replaces. */
  readonly terms: readonly NameTerm[];
};

/** Allowlisted phrases as one pattern over the folded view, or null. */
function allowPattern(list: readonly string[]): RegExp | null {
  const keys = list
    .map(foldKey)
    .filter((k) => k.length > 0)
    .sort((a, b) => b.length - a.length);
  if (keys.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map((k) => escapeRegExp(k).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Original spans where any allowlisted phrase is written. */
export function allowedSpans(view: NormalView, re: RegExp | null): { start: number; end: number }[] {
  if (!re) return [];
  re.lastIndex = 0;
  return [...view.norm.matchAll(re)].map((m) => ({ start: view.map[m.index!]!, end: view.map[m.index! + m[0].length - 1]! + 1 }));
}

/** Shortest pair of name parts looked for run together in one word. */
const MIN_RUN_TOGETHER = 6;

/**
 * Every pair of one person's name parts written as one word, in order ("kerryann", "kerryoneill",
 * "maisiethornbury"), folded and compacted: a user name or tag typed without spaces or capitals.
 */
function runTogetherNames(people: readonly Person[]): string[] {
  const out = new Set<string>();
  for (const p of people)
    for (const n of [p.name, ...p.aliases]) {
      const parts = n
        .split(/[\s-]+/)
        .map(compactKey)
        .filter((x) => x.length >= 2);
      for (let i = 0; i < parts.length; i++)
        for (let j = i + 1; j < parts.length; j++) {
          const k = parts[i]! + parts[j]!;
          if (k.length >= MIN_RUN_TOGETHER) out.add(k);
        }
    }
  return [...out];
}

/** Register identifiers of every family found in a view, for the replacer and the leak check alike. */
export type Detectors = {
  terms: readonly NameTerm[];
  identifiers(view: NormalView): IdentifierHit[];
};

/** Builds the detectors for a register: name terms and every identifier family, in priority order. */
export function buildDetectors(people: readonly Person[], agencyCodes: readonly string[] = []): Detectors {
  const terms = nameTerms(people, { agencyCodes });
  const embedded = [
    ...new Set(
      terms
        .filter((t) => !t.wordLike && t.kind !== 'initials')
        .map((t) => compactKey(t.text))
        .filter((k) => k.length >= MIN_EMBEDDED_NAME),
    ),
  ];
  const carriesName = (compact: string) => embedded.some((k) => compact.includes(k));
  const joined = runTogetherNames(people);
  const runTogether = (word: string) => joined.length > 0 && joined.some((k) => word.includes(k));
  const nhs = new Set(people.map((p) => p.nhsNumber.replace(/\D/g, '')).filter((d) => d.length === 10));
  const dobs = registerDobs(people);
  const addresses = addressParts(people);
  return {
    terms,
    identifiers: (view) => [
      ...findAccounts(view, carriesName, runTogether),
      ...findNhsNumbers(view, nhs),
      ...findPhones(view),
      ...findDatesOfBirth(view, dobs),
      ...findAddresses(view, addresses),
      ...findPostcodes(view),
    ],
  };
}

/**
 * Builds the pipeline for a register. Identifiers go first in priority order (accounts, NHS numbers,
 * phones, dates of birth, addresses, postcodes), then register names longest first, then flags for
 * likely names the register does not hold, each skipping what an earlier step took. Allowlisted text
 * is never touched. Decisions change a finding's replacement, or leave the text ("not identifying").
 */
export function createPipeline(people: readonly Person[], childPseudonym: string, opts: PipelineOptions = {}): Pipeline {
  const labels = reportLabels(people, childPseudonym);
  const dobOf = new Map(people.map((p) => [p.id, p.dateOfBirth]));
  const detectors = buildDetectors(people, opts.agencyCodes);
  const allow = allowPattern(opts.allowlist ?? []);
  const decisions = new Map((opts.decisions ?? []).map((d) => [d.id, d]));
  const known = new Set<string>([
    ...[...labels.values()].flatMap((l) => foldKey(l).split(' ')),
    foldKey(childPseudonym),
    ...(opts.agencyCodes ?? []).map(foldKey),
    ...(opts.agencyNames ?? []).flatMap((n) => foldKey(n).split(' ')),
    ...(opts.allowlist ?? []).flatMap((a) => foldKey(a).split(' ')),
  ]);
  // One context for every text, so the flagger builds its nickname pattern once per pipeline.
  const flagContext = { people, known, label: (id: string) => labels.get(id) ?? AMBIGUOUS_NAME };
  // A date of birth becomes the person's age on the reference date, which keeps the fact a reader needs.
  const dobReplacement = (personId?: string) => {
    const dob = personId ? dobOf.get(personId) : null;
    if (!opts.agesOn || !dob || opts.agesOn < dob) return REMOVED.dateOfBirth;
    const age = ageOn(dob, opts.agesOn);
    return `[aged ${age === 0 ? 'under 1' : age} on ${opts.agesOn.split('-').reverse().join('/')}]`;
  };
  const decide = (f: Raw, original: string): Finding => {
    const d = decisions.get(f.id);
    if (!d) return { ...f, replacement: f.proposed, decided: false };
    if (d.action === 'accept') return { ...f, replacement: f.proposed, decided: true };
    if (d.action === 'replace') return { ...f, replacement: d.replacement ?? f.proposed, decided: true };
    if (d.action === 'redact') return { ...f, replacement: REMOVED.redacted, decided: true };
    return { ...f, replacement: original, decided: true };
  };

  // One export analyses the same cell for the text, the redaction gate and the review; texts recur too.
  const analysed = new Map<string, { view: NormalView; findings: Finding[] }>();
  const analyse = (input: string) => {
    const cached = analysed.get(input);
    if (cached) return cached;
    const result = analyseOnce(input);
    if (input.length <= MAX_MEMO_TEXT_CHARS) {
      if (analysed.size >= MAX_MEMO_TEXTS) analysed.clear();
      analysed.set(input, result);
    }
    return result;
  };

  const analyseOnce = (input: string) => {
    const view = normalise(input);
    const taken: { start: number; end: number }[] = allowedSpans(view, allow);
    const overlaps = (s: number, e: number) => taken.some((t) => t.start < e && s < t.end);
    const raw: Raw[] = [];
    const take = (s: number, e: number, f: Omit<Raw, 'start' | 'end'>) => {
      if (s >= e || overlaps(s, e)) return;
      taken.push({ start: s, end: e });
      raw.push({ ...f, start: s, end: e });
    };
    for (const h of detectors.identifiers(view)) {
      const proposed = h.kind === 'date-of-birth' ? dobReplacement(h.personId) : IDENTIFIER_MARKER[h.kind];
      take(h.start, h.end, { id: findingId(h.kind, input.slice(h.start, h.end)), kind: h.kind, flag: false, proposed });
    }
    for (const h of findTerms(view, detectors.terms)) {
      const proposed = h.term.personIds.length === 1 ? labels.get(h.term.personIds[0]!)! : AMBIGUOUS_NAME;
      take(h.start, h.end, { id: findingId(h.term.kind, input.slice(h.start, h.end)), kind: h.term.kind, flag: false, proposed });
    }
    for (const f of findFlags(view, flagContext, overlaps)) {
      take(f.start, f.end, { id: findingId(f.kind, input.slice(f.start, f.end)), kind: f.kind, flag: true, proposed: f.suggestion });
    }
    const findings = raw.map((f) => decide(f, input.slice(f.start, f.end))).sort((a, b) => a.start - b.start);
    return { view, findings };
  };

  return {
    terms: detectors.terms,
    label: (id) => labels.get(id) ?? AMBIGUOUS_NAME,
    analyse,
    text(input) {
      if (!input) return input;
      const { findings } = analyse(input);
      let out = '';
      let at = 0;
      for (const f of findings) {
        out += input.slice(at, f.start) + f.replacement;
        at = f.end;
      }
      return out + input.slice(at);
    },
  };
}
