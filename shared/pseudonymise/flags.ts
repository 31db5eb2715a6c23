import type { Person } from '../people.js';
import { ACRONYMS, MONTH_WORDS, NAMES_THAT_ARE_WORDS, NOT_NAMES, SPEECH_VERBS, TITLES } from './commonWords.js';
import { usedAsName } from './matcher.js';
import { relatedNames } from './nicknames.js';
import { escapeRegExp, foldKey, originalSpan, type NormalView } from './normalise.js';

/** Why a piece of text is put to the reviewer. */
export type FlagKind = 'titled-name' | 'speech-name' | 'nickname';

/** A likely name the register does not hold, as an original span, with a suggested replacement. */
export type FlagHit = { start: number; end: number; kind: FlagKind; suggestion: string; personId?: string };

/** What replaces an unregistered person's name by default. */
export const UNREGISTERED_NAME = '[name removed]';

const NAME_WORD = "\\p{Lu}\\p{Ll}+(?:['\u2019-]\\p{Lu}?\\p{Ll}+)*";
const TITLED_RE = new RegExp(`(?<![\\p{L}])(?:${TITLES.map(escapeRegExp).join('|')})\\.?\\s+(${NAME_WORD}(?:[ \\t]+${NAME_WORD})?)`, 'gu');
const SPEECH = SPEECH_VERBS.join('|');
const SPEAKER_BEFORE_RE = new RegExp(`(?<![\\p{L}])(${NAME_WORD})(?=\\s+(?:${SPEECH})(?![\\p{L}]))`, 'gu');
const SPEAKER_AFTER_RE = new RegExp(`(?<![\\p{L}])(?:told|asked|according\\s+to|spoke\\s+to|rang|phoned|texted)\\s+(${NAME_WORD})(?![\\p{L}])`, 'gu');
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Register first names (and aliases) mapped to their owners, for the nickname list. */
function firstNames(people: readonly Person[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of people)
    for (const n of [p.name, ...p.aliases]) {
      const first = foldKey(n).split(' ')[0];
      if (first) out.set(first, p.id);
    }
  return out;
}

/** What the flagger needs to know besides the text. */
export type FlagContext = {
  people: readonly Person[];
  /** Folded words that are not names here: labels, agency names and codes, the allowlist. */
  known: ReadonlySet<string>;
  label: (personId: string) => string;
};

/** Nickname terms: every diminutive or formal form of a register first name that is not itself in the register. */
export function nicknameTerms(ctx: FlagContext): { key: string; personId: string }[] {
  const held = new Set<string>();
  for (const p of ctx.people) for (const n of [p.name, ...p.aliases]) for (const w of foldKey(n).split(/[\s-]+/)) held.add(w);
  const out: { key: string; personId: string }[] = [];
  for (const [first, personId] of firstNames(ctx.people)) {
    for (const r of relatedNames(first)) if (!held.has(r)) out.push({ key: r, personId });
  }
  return out;
}

const nicknameMatchers = new WeakMap<FlagContext, { nicks: { key: string; personId: string }[]; re: RegExp | null }>();

/** The nickname terms of a context and one pattern for them all, built once per context (per pipeline). */
function nicknameMatcher(ctx: FlagContext): { nicks: { key: string; personId: string }[]; re: RegExp | null } {
  const cached = nicknameMatchers.get(ctx);
  if (cached) return cached;
  const nicks = nicknameTerms(ctx);
  const re = nicks.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${nicks.map((n) => `(${escapeRegExp(n.key)})`).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  const out = { nicks, re };
  nicknameMatchers.set(ctx, out);
  return out;
}

/**
 * Likely person names the register does not hold: a capitalised name after a title ("Dr Okoro"), a
 * capitalised name beside a verb of speech ("Jaylen said", "told Precious"), and nicknames or formal
 * forms of register first names ("Liz" for Elizabeth). They are flagged for the reviewer, never
 * silently passed and never guessed away; `taken` spans (already replaced) are skipped.
 */
export function findFlags(view: NormalView, ctx: FlagContext, taken: (start: number, end: number) => boolean): FlagHit[] {
  const text = view.original;
  const out: FlagHit[] = [];
  const isKnown = (word: string) => {
    const k = foldKey(word);
    return ctx.known.has(k) || NOT_NAMES.has(k) || MONTH_WORDS.has(k) || DAYS.has(k) || ACRONYMS.has(k);
  };
  const push = (start: number, end: number, kind: FlagKind, suggestion: string, personId?: string) => {
    if (taken(start, end) || out.some((f) => f.start < end && start < f.end)) return;
    out.push({ start, end, kind, suggestion, personId });
  };
  // Nicknames first: they know whose name it is, so their suggestion is that person's label.
  const { nicks, re } = nicknameMatcher(ctx);
  if (re) {
    for (const m of view.norm.matchAll(re)) {
      const idx = m.slice(1).findIndex((g) => g !== undefined);
      const nick = nicks[idx]!;
      const span = originalSpan(view, m.index!, m.index! + m[0].length);
      const found = text.slice(span.start, span.end);
      if (!/^\p{Lu}/u.test(found)) continue;
      if ((NAMES_THAT_ARE_WORDS.has(nick.key) || ACRONYMS.has(nick.key) || MONTH_WORDS.has(nick.key)) && !usedAsName(text, span.start, span.end, nick.key)) continue;
      if (ctx.known.has(nick.key)) continue;
      push(span.start, span.end, 'nickname', ctx.label(nick.personId), nick.personId);
    }
  }
  for (const m of text.matchAll(TITLED_RE)) {
    const name = m[1]!;
    const start = m.index! + m[0].length - name.length;
    if (name.split(/\s+/).every(isKnown)) continue;
    push(start, start + name.length, 'titled-name', UNREGISTERED_NAME);
  }
  for (const re of [SPEAKER_BEFORE_RE, SPEAKER_AFTER_RE]) {
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      const start = m.index! + m[0].length - name.length;
      if (isKnown(name)) continue;
      // A sentence-initial ordinary word beside a verb ("Staff said") is not a name unless it is a known first name.
      const k = foldKey(name);
      if (NAMES_THAT_ARE_WORDS.has(k) && !usedAsName(text, start, start + name.length, k)) continue;
      push(start, start + name.length, 'speech-name', UNREGISTERED_NAME);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
