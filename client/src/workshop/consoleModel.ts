import type { WorkshopSetup, WorkshopState } from '../../../shared/workshop/workshop.js';

/** Pure helpers for the facilitator's console: where the agenda stands and what participants see. */

/** The previous and next agenda items around the current one (the first item when none is current). */
export function neighbourItems(
  agenda: WorkshopSetup['agenda'],
  currentId: string | null,
): {
  previous: WorkshopSetup['agenda'][number] | null;
  next: WorkshopSetup['agenda'][number] | null;
} {
  const i = agenda.findIndex((a) => a.id === currentId);
  if (i < 0) return { previous: null, next: agenda[0] ?? null };
  return { previous: agenda[i - 1] ?? null, next: agenda[i + 1] ?? null };
}

/** What the stage means, in words. */
export const STAGE_LABELS: Record<WorkshopState['stage'], string> = {
  draft: 'Draft: not published yet',
  open: 'Published: worksheet 1 is open before the meeting',
  live: 'Meeting in progress',
  closed: 'Closed',
};

/** What participants' screens show now, in words ("Phase 2: Early years"). */
export function showingLabel(setup: WorkshopSetup, state: WorkshopState): string {
  if (state.stage === 'draft') return 'Nothing: the workshop is not published.';
  if (state.stage === 'closed') return 'The workshop has closed.';
  if (state.stage === 'open') return 'The agenda and worksheet 1.';
  const s = state.showing;
  switch (s.kind) {
    case 'agenda':
      return 'The agenda.';
    case 'lessons':
      return 'The proposed lessons.';
    case 'feedback':
      return 'Feedback (worksheet 4).';
    case 'phase': {
      const i = setup.phases.findIndex((p) => p.id === s.phaseId);
      return i < 0 ? 'A timeline phase.' : `Phase ${i + 1}: ${setup.phases[i]!.title}.`;
    }
  }
}
