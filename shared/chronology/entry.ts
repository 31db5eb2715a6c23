import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../limits.js';
import { ChronologyCategorySchema } from './categories.js';
import { ChronologyDateSchema } from './chronologyDate.js';
import { MAX_FAMILY_CONTACTS, MAX_SEQUENCE } from './limits.js';

/**
 * The rows of a Key Events Chronology (seed 002, Document 10) and of the organisational changes
 * chronology. An agency's rows are written by that agency; the review team's judgements about a row
 * (key practice learning event, workshop phase, note) are kept apart in TeamFields, keyed by entry id,
 * because they live in a document agency authors cannot write.
 */

/** Contact with the child at this event: none, seen, seen alone, or not seen (a visit where the child was not seen). */
export const ChildContactSchema = z.enum(['none', 'seen', 'seen-alone', 'not-seen']);

/** Contact with the child at this event. */
export type ChildContact = z.infer<typeof ChildContactSchema>;

/** Labels for contact with the child (en-GB). */
export const CHILD_CONTACT_LABELS: Record<ChildContact, string> = {
  none: 'No contact',
  seen: 'Seen',
  'seen-alone': 'Seen alone',
  'not-seen': 'Not seen',
};

/** A time of day as HH:MM, 24-hour. */
export const TimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

/** A person id in the people register (shared/people.ts uses the same bounds). */
export const PersonRefSchema = z.string().min(1).max(64);

/**
 * Who acted, as a role ("Social worker", "Health visitor"), never a person's name: the integrated
 * chronology is shared widely and names of practitioners do not belong in it.
 */
export const ActorRoleSchema = z.string().max(MAX_LABEL_CHARS);

/** One row of an agency's Key Events Chronology (Document 10's columns, plus category and ordering). */
export const ChronologyEntrySchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  date: ChronologyDateSchema,
  /** Time of day when known; rows with no time sort first within their day. */
  time: TimeSchema.nullable(),
  /** Orders rows on the same day and time, as the author entered them. */
  sequence: z.int().min(0).max(MAX_SEQUENCE),
  /** Where the information comes from (e.g. "GP record", "Police log"). */
  source: z.string().max(MAX_LABEL_CHARS),
  childContact: ChildContactSchema,
  childContactBy: ActorRoleSchema,
  /** People-register ids of the family members contacted. */
  familyContactIds: z
    .array(PersonRefSchema)
    .max(MAX_FAMILY_CONTACTS)
    .refine((ids) => new Set(ids).size === ids.length, 'must not list a person twice'),
  familyContactBy: ActorRoleSchema,
  /** The key event or action undertaken. */
  keyEvent: z.string().max(MAX_TEXT_CHARS),
  /** Comment and analysis, including potential learning. */
  comment: z.string().max(MAX_TEXT_CHARS),
  category: ChronologyCategorySchema,
  /**
   * Everything else the agency wrote for this row that has no field of its own: an imported file's
   * extra columns as "Header: value" lines, so an import never drops words. Shown and exported.
   * Optional so rows written before it existed (and writers that never set it) stay valid.
   */
  otherInfo: z.string().max(MAX_TEXT_CHARS).optional(),
});

/** One row of an agency's Key Events Chronology. */
export type ChronologyEntry = z.infer<typeof ChronologyEntrySchema>;

/** The fields of an entry stored in its Y.Map: everything except the id (the map key) and agency (the document). */
export const ENTRY_CONTENT_KEYS = [
  'date',
  'time',
  'sequence',
  'source',
  'childContact',
  'childContactBy',
  'familyContactIds',
  'familyContactBy',
  'keyEvent',
  'comment',
  'category',
  'otherInfo',
] as const satisfies readonly (keyof ChronologyEntry)[];

/** A new, empty row dated `date`; every other field starts blank so the author fills it in. */
export function blankEntry(id: string, agencyId: string, date: ChronologyEntry['date']): ChronologyEntry {
  return {
    id,
    agencyId,
    date,
    time: null,
    sequence: 0,
    source: '',
    childContact: 'none',
    childContactBy: '',
    familyContactIds: [],
    familyContactBy: '',
    keyEvent: '',
    comment: '',
    category: 'other',
    otherInfo: '',
  };
}

/** A workshop phase id; phases are defined with the workshop, and this only has to be a safe key. */
export const PhaseIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a phase id');

/** Review-team judgements about one entry, which agency authors cannot edit. */
export const TeamFieldsSchema = z.object({
  /** Marks a key practice learning event, emphasised on the timeline. */
  keyLearning: z.boolean(),
  /** The workshop phase this row is shared in, if any. */
  phaseId: PhaseIdSchema.nullable(),
  /** A note from the review team. */
  note: z.string().max(MAX_TEXT_CHARS),
});

/** Review-team judgements about one entry. */
export type TeamFields = z.infer<typeof TeamFieldsSchema>;

/** The team fields of an entry nobody has marked yet. */
export function blankTeamFields(): TeamFields {
  return { keyLearning: false, phaseId: null, note: '' };
}

/** One row of an agency's organisational changes chronology: restructures, staffing, policy changes. */
export const OrgChangeSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  date: ChronologyDateSchema,
  /** The organisational change. */
  change: z.string().max(MAX_TEXT_CHARS),
  /** Its impact on frontline practice. */
  impact: z.string().max(MAX_TEXT_CHARS),
});

/** One row of an organisational changes chronology. */
export type OrgChange = z.infer<typeof OrgChangeSchema>;

/** The fields of an organisational change stored in its Y.Map. */
export const ORG_CHANGE_CONTENT_KEYS = ['date', 'change', 'impact'] as const satisfies readonly (keyof OrgChange)[];

/** The long fields of a key event row, stored as collaborative text (Y.Text) so co-authors merge by character. */
export const ENTRY_TEXT_KEYS = ['keyEvent', 'comment', 'otherInfo'] as const satisfies readonly (typeof ENTRY_CONTENT_KEYS)[number][];

/** The long fields of an organisational change, stored as collaborative text (Y.Text). */
export const ORG_CHANGE_TEXT_KEYS = ['change', 'impact'] as const satisfies readonly (typeof ORG_CHANGE_CONTENT_KEYS)[number][];

/** The review team's long field of a row, stored as collaborative text (Y.Text). */
export const TEAM_TEXT_KEYS = ['note'] as const;
