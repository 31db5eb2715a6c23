import { z } from 'zod';
import { safeString } from '../text.js';
import { IdSchema } from '../ids.js';
import { IsoDateSchema } from '../dates.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../limits.js';
import { StoredOutcomeSchema } from './outcome.js';
import { DEFAULT_AGENDA, WORKSHEET_1, WORKSHEET_2, WORKSHEET_3, WORKSHEET_4 } from './templates.js';

/** The smallest anonymity threshold: fewer than 3 responses could point at one person. */
export const MIN_K = 3;

/** Longest response, in characters; a worksheet answer, not an essay. */
export const MAX_RESPONSE_CHARS = 5_000;

/** Short, slug-like ids for agenda items, phases, lessons and prompts. */
const SlugSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** A workshop's editable set-up (lead reviewer). */
export const WorkshopSetupSchema = z.strictObject({
  /** Local date and time of the meeting, DD/MM/YYYY-independent ISO parts. */
  date: IsoDateSchema,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  agenda: z
    .array(
      z.strictObject({
        id: SlugSchema,
        time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        title: safeString().trim().min(1).max(MAX_LABEL_CHARS),
        lead: safeString().max(MAX_LABEL_CHARS),
      }),
    )
    .min(1)
    .max(40),
  phases: z
    .array(z.strictObject({ id: SlugSchema, title: safeString().trim().min(1).max(MAX_LABEL_CHARS), start: IsoDateSchema, end: IsoDateSchema }))
    .max(20)
    .refine((ps) => ps.every((p) => p.start <= p.end), 'each phase must start before it ends'),
  lessons: z.array(z.strictObject({ id: SlugSchema, text: safeString().trim().min(1).max(MAX_TEXT_CHARS) })).max(30),
  worksheets: z.strictObject({
    w1: z.array(safeString().trim().min(1).max(1000)).min(1).max(12),
    w2: safeString().trim().min(1).max(1000),
    w3: safeString().trim().min(1).max(1000),
    w4: z.array(safeString().trim().min(1).max(1000)).min(1).max(12),
  }),
  k: z.number().int().min(MIN_K).max(50),
});

/** A workshop's set-up. */
export type WorkshopSetup = z.infer<typeof WorkshopSetupSchema>;

/** Where the workshop is: draft (set-up), open (worksheet 1, before the meeting), live, closed. */
export const StageSchema = z.enum(['draft', 'open', 'live', 'closed']);

/** What the facilitator is showing participants. */
export const ShowingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agenda') }),
  z.object({ kind: z.literal('phase'), phaseId: SlugSchema }),
  z.object({ kind: z.literal('lessons') }),
  z.object({ kind: z.literal('feedback') }),
]);

/** The live state every screen follows. */
export const WorkshopStateSchema = z.object({
  stage: StageSchema,
  currentItemId: SlugSchema.nullable(),
  /** When the current item started, to the minute, for the facilitator's timer. */
  itemStartedAt: z.string().nullable(),
  showing: ShowingSchema,
  sharedPhaseIds: z.array(SlugSchema),
  lessonsShared: z.boolean(),
  feedbackOpen: z.boolean(),
});

/** The live state. */
export type WorkshopState = z.infer<typeof WorkshopStateSchema>;

/** Who attended, for the report; kept apart from responses and never linked to them. */
export const AttendanceSchema = z
  .array(
    z.strictObject({
      name: safeString().trim().min(1).max(MAX_LABEL_CHARS),
      role: safeString().trim().max(MAX_LABEL_CHARS),
      agency: safeString().trim().max(MAX_LABEL_CHARS),
    }),
  )
  .max(200);

/** Most invitations a workshop holds: more than the 300 participants it is built for. */
export const MAX_INVITATIONS = 400;

/**
 * One practitioner's invitation. Only a hash of the link's secret is kept, and it is erased when the
 * invitation is used or the workshop closes; `used` is all that remains. The label is how the lead
 * reviewer knows whom they invited (a name or role); it is never linked to any answer.
 */
export const InvitationSchema = z.strictObject({
  id: SlugSchema,
  label: z.string().trim().min(1).max(MAX_LABEL_CHARS),
  secretHash: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .nullable(),
  used: z.boolean(),
});

/** A workshop invitation. */
export type WorkshopInvitation = z.infer<typeof InvitationSchema>;

/** A workshop record: set-up, state and the join code (shown to the facilitator, typed by participants). */
export const WorkshopSchema = z.object({
  id: IdSchema,
  reviewId: IdSchema,
  setup: WorkshopSetupSchema,
  state: WorkshopStateSchema,
  joinCode: z.string().regex(/^[A-Z2-9]{6}$/),
  /** Once any response exists anonymity can never be lowered: k may only go up. */
  responsesExist: z.boolean(),
  createdBy: IdSchema,
  attendance: AttendanceSchema.default([]),
  /** The captured outcome (outcome.ts); records from before it existed, or in its first shape, are upgraded. */
  outcome: StoredOutcomeSchema,
  /** Bumped by every save of the outcome, for optimistic concurrency; 0 before the first. */
  outcomeVersion: z.number().int().min(0).default(0),
  /** Joining with the code alone (lower assurance, no invitation): off unless the facilitator turns it on. */
  codeJoining: z.boolean().default(false),
  /** The invitation list (docs/anonymity.md): one personal link per practitioner. */
  invitations: z.array(InvitationSchema).max(MAX_INVITATIONS).default([]),
});

/** A workshop record. */
export type Workshop = z.infer<typeof WorkshopSchema>;

/** The prefilled set-up for a new workshop (Documents 18 and 18a). */
export function defaultSetup(dateIso: string): WorkshopSetup {
  return {
    date: dateIso,
    startTime: '10:00',
    agenda: DEFAULT_AGENDA.map((a, i) => ({ id: `item-${i + 1}`, ...a })),
    phases: [],
    lessons: [],
    worksheets: { w1: [...WORKSHEET_1], w2: WORKSHEET_2, w3: WORKSHEET_3, w4: [...WORKSHEET_4] },
    k: MIN_K,
  };
}

/** The state of a workshop nobody has published. */
export const INITIAL_STATE: WorkshopState = {
  stage: 'draft',
  currentItemId: null,
  itemStartedAt: null,
  showing: { kind: 'agenda' },
  sharedPhaseIds: [],
  lessonsShared: false,
  feedbackOpen: false,
};
