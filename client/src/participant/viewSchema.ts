import { z } from 'zod';
import { ShowingSchema, StageSchema } from '../../../shared/workshop/workshop.js';

/**
 * The participant view the /workshop namespace sends on `join` and `view` (server/workshop/participantView.ts).
 * It is checked here, so a screen never renders data it does not understand.
 */

/** A question open for answers. */
export const ViewPromptSchema = z.object({
  id: z.string().regex(/^w[1-4]-[a-z0-9-]{1,40}$/),
  worksheet: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  label: z.string(),
  text: z.string(),
});

/** One pseudonymised row of a shared timeline phase. */
export const ViewPhaseRowSchema = z.object({
  date: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
  /** Only a hex colour is used as a style. */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .catch('#e3e3e3'),
  event: z.string(),
});

/** Everything a participant's screen shows. */
export const ParticipantViewSchema = z.object({
  title: z.string(),
  stage: StageSchema,
  confidentiality: z.string(),
  promise: z.string(),
  agenda: z.array(z.object({ id: z.string(), time: z.string(), title: z.string() })),
  currentItemId: z.string().nullable(),
  showing: ShowingSchema,
  phase: z.object({ id: z.string(), title: z.string(), rows: z.array(ViewPhaseRowSchema) }).nullable(),
  lessons: z.array(z.object({ id: z.string(), text: z.string() })).nullable(),
  prompts: z.array(ViewPromptSchema),
});

/** The participant view. */
export type ParticipantView = z.infer<typeof ParticipantViewSchema>;
/** A question open for answers. */
export type ViewPrompt = z.infer<typeof ViewPromptSchema>;
