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
export const ChronologyFilterSchema = z.object({
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
}).refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The start of the date range must not be after its end', path: ['to'] });

/** A filter over the integrated chronology. */
export type ChronologyFilter = z.infer<typeof ChronologyFilterSchema>;

/** Case- and apostrophe-insensitive form for matching, so "Mother’s" finds "mother's". */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** The text a row is searched by: its free text, labels and date as shown, plus the review-team note. */
function searchText(e: ChronologyEntry, team: TeamFields | undefined): string {
  return fold([
    formatChronologyDate(e.date), e.time ?? '', e.source, CHILD_CONTACT_LABELS[e.childContact], e.childContactBy,
    e.familyContactBy, e.keyEvent, e.comment, CATEGORY_LABELS[e.category], team?.note ?? '',
  ].join('\n'));
}

/**
 * The rows that pass a filter, in their input order. A row matches a date range when any day its
 * date can mean lies inside it, so "2019" appears when filtering March 2019: hiding imprecise rows
 * would hide exactly the rows a reviewer needs to question. The filter is trusted to be valid
 * (parse it with ChronologyFilterSchema at the boundary).
 */
export function filterEntries<T extends ChronologyEntry>(
  entries: readonly T[],
  teamFields: ReadonlyMap<string, TeamFields>,
  filter: ChronologyFilter,
): T[] {
  const agencies = filter.agencyIds?.length ? new Set(filter.agencyIds) : null;
  const people = filter.personIds?.length ? new Set(filter.personIds) : null;
  const categories = filter.categories?.length ? new Set<string>(filter.categories) : null;
  const terms = fold(filter.text ?? '').split(/\s+/).filter(Boolean);
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
