import { findNumbers } from 'libphonenumber-js/max';
import { compactKey, originalSpan, type NormalView } from './normalise.js';

/**
 * Identifier families that are removed from anything that leaves a review, whoever they belong to
 * (practitioners and neighbours too): emails, social-media handles, links and user names that carry a
 * name, UK phone numbers, NHS numbers, postcodes. Register dates of birth and addresses are in
 * dates.ts and addresses.ts. Every detector works on the folded view and returns original spans.
 */

/** A kind of identifier. */
export type IdentifierKind = 'email' | 'handle' | 'link' | 'user-name' | 'phone' | 'nhs-number' | 'postcode' | 'address' | 'date-of-birth';

/** One identifier found in a text, as an original span. */
export type IdentifierHit = { start: number; end: number; kind: IdentifierKind; personId?: string };

/** Email addresses (the folded view is lower case). */
const EMAIL_RE = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Social-media handles: "@" then a user name, not part of an email. */
const HANDLE_RE = /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_.]{2,}/gu;

/** Hashtags ("#JusticeForMaisie"): removed when they carry a name. */
const HASHTAG_RE = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]{2,}/gu;

/** Words long enough to be two names run together ("kerryann", "MaisieThornbury" as a gamer tag). */
const RUN_TOGETHER_RE = /(?<![\p{L}\p{N}_.@#])[\p{L}\p{N}]{6,}(?![\p{L}\p{N}_@])/gu;

/** Links, with or without a scheme. */
const LINK_RE = /(?:https?:\/\/|www\.)[^\s<>"]+|(?<![\p{L}\p{N}@.])(?:[\p{L}\p{N}-]+\.)+(?:com|co\.uk|org|net|uk|me|tv|io|app)\/[^\s<>"]*/gu;

/** Hosts whose links identify a person's account whatever the path says. */
const SOCIAL_HOSTS = /(?:facebook|fb|instagram|tiktok|snapchat|twitter|x|threads|youtube|linkedin|onlyfans|reddit|pinterest)\.com/;

/** Tokens that look like user names: letters with digits or underscores or dots inside. */
const USER_NAME_RE = /(?<![\p{L}\p{N}_.@])(?=[\p{L}\p{N}_.]*\p{L})(?=[\p{L}\p{N}_.]*[\d_])[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*(?![\p{L}\p{N}_@])/gu;

/** UK postcodes in any case and spacing (or a hyphen); the inward letters exclude C, I, K, M, O, V so "9am" never matches. */
const POSTCODE_RE = /(?<![\p{L}\p{N}])(?:[a-z]{1,2}\d[a-z\d]?|gir)(?:\s*|\s?-\s?)\d[abd-hjlnp-uw-z]{2}(?![\p{L}\p{N}])/gu;

/** Ten digits with any separators (spaces, dots, hyphens, slashes; up to three, as in "943 - 476") between them. */
const TEN_DIGITS_RE = /(?<![\d])\d(?:[\s./-]{0,3}\d){9}(?![\d]|[\s./-]\d)/gu;

/** True for a valid NHS number: the modulus 11 check digit over the first nine digits. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function spans(view: NormalView, re: RegExp, kind: IdentifierKind, keep: (m: string) => boolean = () => true): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  for (const m of view.norm.matchAll(re)) if (keep(m[0])) out.push({ ...originalSpan(view, m.index!, m.index! + m[0].length), kind });
  return out;
}

/**
 * Emails, handles, hashtags, links and user names. A handle and an email always go; a hashtag or a link
 * goes when it carries a name (a link also when it points at a social network); a user-name-like token
 * ("kthornbury_99") goes when it carries a name. `carriesName` gets the token compacted
 * ("kthornbury99"); `runTogether` gets a long plain word and says whether two register name parts are
 * run together in it ("kerryann", "MaisieThornbury").
 */
export function findAccounts(view: NormalView, carriesName: (compact: string) => boolean, runTogether: (compact: string) => boolean = () => false): IdentifierHit[] {
  return [
    ...spans(view, EMAIL_RE, 'email'),
    ...spans(view, HANDLE_RE, 'handle'),
    ...spans(view, HASHTAG_RE, 'handle', (m) => carriesName(compactKey(m))),
    ...spans(view, LINK_RE, 'link', (m) => SOCIAL_HOSTS.test(m) || carriesName(compactKey(m.replace(/^(?:https?:\/\/)?(?:www\.)?[^/]+/, '')))),
    ...spans(view, USER_NAME_RE, 'user-name', (m) => carriesName(compactKey(m))),
    ...spans(view, RUN_TOGETHER_RE, 'user-name', (m) => runTogether(m)),
  ];
}

/** NHS numbers with any separators: valid by modulus 11, or equal to one in the register. */
export function findNhsNumbers(view: NormalView, registerNumbers: ReadonlySet<string> = new Set()): IdentifierHit[] {
  return spans(view, TEN_DIGITS_RE, 'nhs-number', (m) => {
    const d = m.replace(/\D/g, '');
    return registerNumbers.has(d) || (d[0] !== '0' && isValidNhsNumber(d));
  });
}

/**
 * Runs of digits a phone number could be read from: digits with at most a few non-letter characters
 * between them. libphonenumber's matcher only reads digit blocks joined by punctuation (at most four
 * characters of it), so a run this loose is a superset of what it can find.
 */
const DIGIT_RUN_RE = /\p{Nd}(?:[^\p{Nd}\p{L}]{0,6}\p{Nd})*/gu;

/** The fewest digits in a number we remove (a UK national number has at least nine). */
const MIN_PHONE_DIGITS = 9;

/** Characters of context either side of a candidate run given to the parser, so it sees the run's surroundings. */
const PHONE_WINDOW_MARGIN = 24;

/** Counts the decimal digits in a string. */
const digitCount = (s: string) => s.replace(/\P{Nd}/gu, '').length;

/**
 * UK phone numbers in any format, found by libphonenumber-js (mobile, landline, +44 and (0) forms).
 * The parser is slow over long text, so it runs only on windows around runs of at least nine digits
 * (which every number we remove has); the windows keep some context either side and merge when they
 * touch, so each number is parsed with its neighbours as before.
 */
export function findPhones(view: NormalView): IdentifierHit[] {
  const text = view.norm;
  const windows: { start: number; end: number }[] = [];
  for (const m of text.matchAll(DIGIT_RUN_RE)) {
    if (digitCount(m[0]) < MIN_PHONE_DIGITS) continue;
    const start = Math.max(0, m.index! - PHONE_WINDOW_MARGIN);
    const end = Math.min(text.length, m.index! + m[0].length + PHONE_WINDOW_MARGIN);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = end;
    else windows.push({ start, end });
  }
  const out: IdentifierHit[] = [];
  // 'POSSIBLE' leniency is documented but missing from the typings; the default ('VALID') misses
  // numbers in reserved ranges (07700 900xxx) that are still someone's number in a case file.
  const options = { defaultCountry: 'GB', leniency: 'POSSIBLE', v2: true } as unknown as { defaultCountry: 'GB'; v2: true };
  for (const w of windows) {
    // A window starting mid-word would give the parser a different left neighbour; widen to a space.
    let start = w.start;
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    let end = w.end;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    const slice = text.slice(start, end);
    for (const m of findNumbers(slice, options)) {
      const raw = slice.slice(m.startsAt, m.endsAt);
      if (m.number.countryCallingCode !== '44' || !/^(?:\+|00|\(?0)/.test(raw)) continue;
      if (m.number.nationalNumber.length < 9) continue;
      const hit = { ...originalSpan(view, start + m.startsAt, start + m.endsAt), kind: 'phone' as const };
      if (!out.some((o) => o.start === hit.start)) out.push(hit);
    }
  }
  return out;
}

/** UK postcodes in any case and spacing. */
export function findPostcodes(view: NormalView): IdentifierHit[] {
  return spans(view, POSTCODE_RE, 'postcode');
}

/** Whole years between a date of birth and a later date, both ISO. */
export function ageOn(dobIso: string, onIso: string): number {
  const [by, bm, bd] = dobIso.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
