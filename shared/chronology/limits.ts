/**
 * Limits of the chronology model. They sit beside the model rather than in shared/limits.ts so that
 * the chronology can be tuned in one place; the generic text caps still come from shared/limits.ts.
 */

/** Most rows one agency's chronology document may hold; above the 5,000-row import the issue requires, with headroom. */
export const MAX_CHRONOLOGY_ENTRIES = 10_000;

/** Most organisational-change rows per agency; these are few (restructures, staffing), so a low cap catches misuse. */
export const MAX_ORG_CHANGES = 500;

/** Most review-team field rows in one review's team document: every agency's rows together. */
export const MAX_TEAM_FIELD_ROWS = 100_000;

/** Most family members referenced by one row; a family of any size fits, a crafted list of thousands does not. */
export const MAX_FAMILY_CONTACTS = 50;

/** Largest sequence number within a day; rows on one day are few, but imports may number them sparsely. */
export const MAX_SEQUENCE = 9_999;

/** Earliest year a chronology date may name: rows can precede the child's birth by a generation (a parent's own history). */
export const MIN_CHRONOLOGY_YEAR = 1900;

/** Latest year a chronology date may name; a later year is a typing error, not a plan. */
export const MAX_CHRONOLOGY_YEAR = 2100;

/** Longest date text the parser reads; anything longer is refused before any pattern runs over it. */
export const MAX_DATE_TEXT_CHARS = 40;

/** Longest free-text filter query, in characters. */
export const MAX_FILTER_TEXT_CHARS = 200;

/** Most values in one list filter (agencies, people, categories). */
export const MAX_FILTER_VALUES = 200;
