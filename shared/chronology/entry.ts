import { z } from 'zod';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../limits.js';
import { ChronoDateSchema } from './chronologyDate.js';
import { CategorySchema, ChildContactSchema } from './categories.js';

/** Most entries one agency chronology may hold; the benchmark runs 5,000 across a review. */
export const MAX_ENTRIES_PER_AGENCY = 10_000;

/** Longest key event or comment text, in characters. */
export const MAX_ENTRY_TEXT_CHARS = MAX_TEXT_CHARS;

/** An entry id: Yjs map keys written by clients (newId) or derived by the importer. */
export const EntryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);

/** One row of an agency's key events chronology (Document 10), owned by that agency. */
export const ChronologyEntrySchema = z.object({
  id: EntryIdSchema,
  date: ChronoDateSchema,
  /** HH:MM, 24-hour, or null. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
  /** Orders entries of the same agency on the same day and time. */
  sequence: z.number().int().min(0).max(9999),
  source: z.string().max(MAX_LABEL_CHARS),
  childContact: ChildContactSchema,
  /** A role ("Health visitor"), never a practitioner's name. */
  childContactBy: z.string().max(MAX_LABEL_CHARS),
  /** People-register ids of the family members who had contact. */
  familyContactIds: z.array(z.string().min(1).max(64)).max(50),
  familyContactBy: z.string().max(MAX_LABEL_CHARS),
  event: z.string().max(MAX_ENTRY_TEXT_CHARS),
  comment: z.string().max(MAX_ENTRY_TEXT_CHARS),
  category: CategorySchema,
  /** A fingerprint of the imported row, so re-importing the same file adds nothing; null when typed. */
  importKey: z.string().max(64).nullable(),
});

/** A chronology entry. */
export type ChronologyEntry = z.infer<typeof ChronologyEntrySchema>;

/** Review-team fields for one entry, kept in the review's team document so agency authors cannot edit them. */
export const TeamFieldsSchema = z.object({
  keyLearning: z.boolean(),
  phaseId: z.string().max(64).nullable(),
  note: z.string().max(MAX_TEXT_CHARS),
});

/** Review-team fields of an entry. */
export type TeamFields = z.infer<typeof TeamFieldsSchema>;

/** Team fields for an entry nobody has marked. */
export const NO_TEAM_FIELDS: TeamFields = { keyLearning: false, phaseId: null, note: '' };

/** One row of an agency's organisational changes chronology. */
export const OrgChangeSchema = z.object({
  id: EntryIdSchema,
  date: ChronoDateSchema,
  change: z.string().max(MAX_ENTRY_TEXT_CHARS),
  impact: z.string().max(MAX_ENTRY_TEXT_CHARS),
});

/** An organisational change. */
export type OrgChange = z.infer<typeof OrgChangeSchema>;

/** A workshop phase: a titled date range over the chronology, drawn as a background on the timeline. */
export const PhaseSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(MAX_LABEL_CHARS),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** A workshop phase. */
export type Phase = z.infer<typeof PhaseSchema>;

/** A blank entry for the given id and today's date. */
export function blankEntry(id: string, todayIso: string): ChronologyEntry {
  const [y, m, d] = todayIso.split('-').map(Number) as [number, number, number];
  return {
    id, date: { precision: 'day', year: y, month: m, day: d, uncertain: false }, time: null, sequence: 0, source: '',
    childContact: 'none', childContactBy: '', familyContactIds: [], familyContactBy: '', event: '', comment: '',
    category: 'other', importKey: null,
  };
}
