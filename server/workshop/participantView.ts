import { createPseudonymiser } from '../../shared/pseudonymise/index.js';
import { allPrompts, openPromptIds, type Prompt } from '../../shared/workshop/prompts.js';
import { ANONYMITY_PROMISE, CONFIDENTIALITY_STATEMENT } from '../../shared/workshop/templates.js';
import type { SharedPhaseRow } from '../../shared/workshop/participant.js';
import type { Workshop, WorkshopState } from '../../shared/workshop/workshop.js';
import { phaseRows } from '../../shared/workshop/phaseRows.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { assembleChronology } from '../commands/chronologyAssembler.js';

/** Everything a participant's screen shows; it never holds a real name. */
export type ParticipantView = {
  title: string;
  stage: WorkshopState['stage'];
  confidentiality: string;
  promise: string;
  agenda: { id: string; time: string; title: string }[];
  currentItemId: string | null;
  showing: WorkshopState['showing'];
  phase: { id: string; title: string; rows: SharedPhaseRow[] } | null;
  lessons: { id: string; text: string }[] | null;
  prompts: Prompt[];
};

/**
 * Builds the participant view. A shared phase is the integrated chronology within the phase's dates,
 * pseudonymised from the people register, in date order and agency colours. The workshop's title uses
 * the child's pseudonym only, never the review's reference.
 */
export async function participantView(deps: { records: RecordStore; sync: SyncServer }, w: Workshop): Promise<ParticipantView> {
  const review = (await deps.records.get('reviews', w.reviewId))!;
  let phase: ParticipantView['phase'] = null;
  if (w.state.showing.kind === 'phase') {
    const showing = w.state.showing;
    const p = w.setup.phases.find((x) => x.id === showing.phaseId);
    if (p) {
      const chron = await assembleChronology(deps, w.reviewId);
      const pseudo = createPseudonymiser(chron.exportRegister, review.childPseudonym);
      phase = { id: p.id, title: p.title, rows: phaseRows(chron.rows, p, pseudo.text) };
    }
  }
  const open = openPromptIds(w.setup, w.state);
  return {
    title: `Reflective Learning Workshop: ${review.childPseudonym}`,
    stage: w.state.stage,
    confidentiality: CONFIDENTIALITY_STATEMENT,
    promise: ANONYMITY_PROMISE,
    agenda: w.setup.agenda.map((a) => ({ id: a.id, time: a.time, title: a.title })),
    currentItemId: w.state.currentItemId,
    showing: w.state.showing,
    phase,
    lessons: w.state.lessonsShared ? w.setup.lessons.map((l) => ({ id: l.id, text: l.text })) : null,
    prompts: allPrompts(w.setup).filter((p) => open.has(p.id)),
  };
}
