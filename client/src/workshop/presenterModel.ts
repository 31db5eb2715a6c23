import { z } from 'zod';
import { sharedPromptIds, type ScreenView } from '../participant/participantState.js';
import { ParticipantViewSchema } from '../participant/viewSchema.js';
import { CoarseCountSchema } from './api.js';

/** One released question on the presenter screen: pseudonymised words, in the release's own order. */
export const PresentedReleaseSchema = z.object({
  promptId: z.string(),
  worksheet: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  label: z.string(),
  text: z.string(),
  releaseId: z.string(),
  answers: z.array(z.string()),
});

/** GET …/presenter (docs/api.md): the shared view, the released answers and coarse counts of the open questions. */
export const PresenterViewSchema = z.object({
  view: ParticipantViewSchema.omit({ confidentiality: true, promise: true }),
  released: z.array(PresentedReleaseSchema),
  counts: z.record(z.string(), CoarseCountSchema),
});

/** The presenter screen's data. */
export type PresenterData = z.infer<typeof PresenterViewSchema>;
/** One released question. */
export type PresentedRelease = z.infer<typeof PresentedReleaseSchema>;

/** The presenter's choice of answers: follow what is shared, or one released question. */
export const FOLLOW = 'follow';

/**
 * The released questions to show: the chosen one, or (following what is shared) those of the shared
 * phase, the lessons, feedback or, before and at the start of the meeting, worksheet 1. Released
 * questions keep the order of the worksheets.
 */
export function presentedReleases(view: ScreenView, released: readonly PresentedRelease[], choice: string): PresentedRelease[] {
  if (choice !== FOLLOW) return released.filter((r) => r.promptId === choice);
  const all = released.map((r) => ({ id: r.promptId, worksheet: r.worksheet }));
  let ids = new Set(sharedPromptIds(view, all));
  // Showing the agenda in the meeting: worksheet 1's answers (released when the meeting started).
  if (ids.size === 0 && view.stage === 'live' && view.showing.kind === 'agenda') ids = new Set(all.filter((p) => p.worksheet === 1).map((p) => p.id));
  return released.filter((r) => ids.has(r.promptId));
}

/** The open questions that belong to what is shared, for their coarse counts. */
export function followedOpenPrompts(view: ScreenView): ScreenView['prompts'] {
  const ids = new Set(sharedPromptIds(view, view.prompts));
  return view.prompts.filter((p) => ids.has(p.id));
}
