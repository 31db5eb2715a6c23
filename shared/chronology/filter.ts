import { z } from 'zod';
import { IsoDateSchema } from '../dates.js';
import { IdSchema } from '../ids.js';
import { CATEGORY_LABELS, ChronologyCategorySchema } from './categories.js';
import { chronologyDateRange, formatChronologyDate } from './chronologyDate.js';
import { CHILD_CONTACT_LABELS, PersonRefSchema, type ChronologyEntry, type TeamFields } from './entry.js';
import { MAX_FILTER_TEXT_CHARS, MAX_FILTER_VALUES } from './limits.js';

/**
 * A filter over the integrated chronology. Every part is optional and an empty list means "any", so
 * a blank filter shows every row; the parts combine with AND.
 */
export const ChronologyFilterSchema = z
  .object({
    /** Rows of these agencies. */
    agencyIds: z.array(IdSchema).max(MAX_FILTER_VALUES).optional(),
    /** Rows recording contact with any of these people (people-register ids). */
    personIds: z.array(PersonRefSchema).max(MAX_FILTER_VALUES).optional(),
    /** Rows in any of these categories. */
    categories: z.array(ChronologyCategorySchema).max(MAX_FILTER_VALUES).optional(),
    /** First day of the range, inclusive. */
    from: IsoDateSchema.optional(),
    /** Last day of the range, inclusive. */
    to: IsoDateSchema.optional(),
    /** true: only key practice learning events; false: only rows not marked; absent: both. */
    keyLearning: z.boolean().optional(),
    /** Words that must all appear, in any order, ignoring case. */
    text: z.string().max(MAX_FILTER_TEXT_CHARS).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The start of the date range must not be after its end', path: ['to'] });

/** A filter over the integrated chronology. */
export type ChronologyFilter = z.infer<typeof ChronologyFilterSchema>;

/** Case- and apostrophe-insensitive form for matching, so "Mother’s" finds "mother's". */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'");
}

/**
 * The folded search text of each row object seen, with the row and note it was built from: a filter
 * change over 20,000 rows then folds nothing again. Rows are read afresh from their documents rather
 * than changed in place, but a row object whose fields did change is folded afresh all the same.
 */
const SEARCH_TEXT = new WeakMap<ChronologyEntry, { from: SearchFields; note: string; text: string }>();

/** The fields of a row its search text is built from. */
type SearchFields = Pick<ChronologyEntry, 'date' | 'time' | 'source' | 'childContact' | 'childContactBy' | 'familyContactBy' | 'keyEvent' | 'comment' | 'category'>;

/** True when a row still holds the fields its kept search text was built from (compared without allocating). */
function sameSearchFields(a: SearchFields, e: ChronologyEntry): boolean {
  return (
    a.keyEvent === e.keyEvent &&
    a.comment === e.comment &&
    a.source === e.source &&
    a.time === e.time &&
    a.childContact === e.childContact &&
    a.childContactBy === e.childContactBy &&
    a.familyContactBy === e.familyContactBy &&
    a.category === e.category &&
    a.date.precision === e.date.precision &&
    a.date.year === e.date.year &&
    a.date.month === e.date.month &&
    a.date.day === e.date.day &&
    a.date.uncertainty === e.date.uncertainty
  );
}

/** The text a row is searched by (kept per row object while its fields stay the same). */
function searchText(e: ChronologyEntry, team: TeamFields | undefined): string {
  const note = team?.note ?? '';
  const hit = SEARCH_TEXT.get(e);
  if (hit && hit.note === note && sameSearchFields(hit.from, e)) return hit.text;
  const text = buildSearchText(e, team);
  const { date, time, source, childContact, childContactBy, familyContactBy, keyEvent, comment, category } = e;
  SEARCH_TEXT.set(e, { from: { date: { ...date }, time, source, childContact, childContactBy, familyContactBy, keyEvent, comment, category }, note, text });
  return text;
}

/** The text a row is searched by: its free text, labels and date as shown, plus the review-team note. */
function buildSearchText(e: ChronologyEntry, team: TeamFields | undefined): string {
  return fold(
    [
      formatChronologyDate(e.date),
      e.time ?? '',
      e.source,
      CHILD_CONTACT_LABELS[e.childContact],
      e.childContactBy,
      e.familyContactBy,
      e.keyEvent,
      e.comment,
      CATEGORY_LABELS[e.category],
      team?.note ?? '',
    ].join('\n'),
  );
}

/**
 * The rows that pass a filter, in their input order. A row matches a date range when any day its
 * date can mean lies inside it, so "2019" appears when filtering March 2019: hiding imprecise rows
 * would hide exactly the rows a reviewer needs to question. The filter is trusted to be valid
 * (parse it with ChronologyFilterSchema at the boundary).
 */
export function filterEntries<T extends ChronologyEntry>(entries: readonly T[], teamFields: ReadonlyMap<string, TeamFields>, filter: ChronologyFilter): T[] {
  const agencies = filter.agencyIds?.length ? new Set(filter.agencyIds) : null;
  const people = filter.personIds?.length ? new Set(filter.personIds) : null;
  const categories = filter.categories?.length ? new Set<string>(filter.categories) : null;
  const terms = searchTerms(filter.text ?? '');
  return entries.filter((e) => {
    if (agencies && !agencies.has(e.agencyId)) return false;
    if (categories && !categories.has(e.category)) return false;
    if (people && !e.familyContactIds.some((p) => people.has(p))) return false;
    if (filter.from || filter.to) {
      const { start, end } = chronologyDateRange(e.date);
      if (filter.from && end < filter.from) return false;
      if (filter.to && start > filter.to) return false;
    }
    const team = teamFields.get(e.id);
    if (filter.keyLearning !== undefined && (team?.keyLearning ?? false) !== filter.keyLearning) return false;
    if (terms.length) {
      const hay = searchText(e, team);
      if (!terms.every((t) => hay.includes(t))) return false;
    }
    return true;
  });
}

/** The words of a search, folded as rows are: every one must appear in a row for it to match. */
export function searchTerms(text: string): string[] {
  return fold(text).split(/\s+/).filter(Boolean);
}

/**
 * Where the search words occur in a piece of text, as [start, end) ranges of the original text,
 * merged where they touch, for highlighting what a search found. Matching folds the text exactly as
 * the filter does, character by character, so the ranges map back onto the text as shown.
 */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0 || !text) return [];
  let folded = '';
  // For each folded character, where the original character it came from starts and ends.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  const raw: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) raw.push([starts[at]!, ends[at + term.length - 1]!]);
  }
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
