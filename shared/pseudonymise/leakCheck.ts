import type { Person } from '../people.js';
import { ACRONYMS } from './commonWords.js';
import type { IdentifierKind } from './identifiers.js';
import { findTerms } from './matcher.js';
import type { NameTerm } from './nameTerms.js';
import { escapeRegExp, foldKey, normalise } from './normalise.js';
import { allowedSpans, buildDetectors } from './pipeline.js';
import { ownTemplateTexts } from './templateTexts.js';

/** One identifying item found where it must not be. The value itself is not repeated. */
export type Leak = {
  /** Where it was found, e.g. "word/document.xml paragraph 12" or "chronology row 3". */
  place: string;
  kind: NameTerm['kind'] | IdentifierKind;
  /** The register person it belongs to, when it is theirs (a stray phone number belongs to nobody known). */
  personId?: string;
};

/** A piece of outgoing text and where it sits. */
export type OutgoingText = { place: string; text: string };

/** What the leak check leaves alone besides the register's own absence. */
export type LeakCheckOptions = {
  /** The review's agency short codes: initials equal to one are the agency. */
  agencyCodes?: readonly string[];
  /** Text the reviewer marked as not identifying. */
  allowlist?: readonly string[];
  /** More fixed wording to ignore, besides the app's own templates. */
  templateTexts?: readonly string[];
};

/** A pattern matching any of the given phrases in the folded view. */
function phrasePattern(texts: readonly string[]): RegExp | null {
  const keys = [...new Set(texts.map(foldKey).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (keys.length === 0) return null;
  return new RegExp(`(?:${keys.map((k) => escapeRegExp(k).replace(/ /g, '\\s+')).join('|')})`, 'gu');
}

/**
 * The second, independent path: it scans outgoing text (the produced bytes' text, not the replacer's
 * list of what it replaced) with the same normaliser and identifier families, re-derived from the
 * register, for every real name, alias, initials, date of birth, address, NHS number, phone number,
 * postcode, email, handle and name-bearing link. Agency codes, common acronyms, the app's own
 * template text and the reviewer's allowlist are never a leak. Every place is listed.
 */
export function findLeaks(parts: readonly OutgoingText[], people: readonly Person[], opts: LeakCheckOptions = {}): Leak[] {
  const detectors = buildDetectors(people, opts.agencyCodes);
  const codes = new Set((opts.agencyCodes ?? []).map(foldKey));
  const allow = phrasePattern(opts.allowlist ?? []);
  const templates = phrasePattern([...ownTemplateTexts(), ...(opts.templateTexts ?? [])]);
  const leaks: Leak[] = [];
  for (const { place, text } of parts) {
    if (!text || !text.trim()) continue;
    const view = normalise(text);
    const ignored = [...allowedSpans(view, allow), ...allowedSpans(view, templates)];
    const inIgnored = (s: number, e: number) => ignored.some((i) => i.start <= s && e <= i.end);
    for (const h of detectors.identifiers(view)) {
      if (!inIgnored(h.start, h.end)) leaks.push({ place, kind: h.kind, ...(h.personId ? { personId: h.personId } : {}) });
    }
    for (const h of findTerms(view, detectors.terms)) {
      const found = foldKey(text.slice(h.start, h.end));
      if (inIgnored(h.start, h.end) || (h.term.kind === 'initials' && (codes.has(found) || ACRONYMS.has(found)))) continue;
      for (const personId of h.term.personIds) leaks.push({ place, kind: h.term.kind, personId });
    }
  }
  return leaks;
}
