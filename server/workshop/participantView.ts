import { allPrompts, openPromptIds, type Prompt } from '../../shared/workshop/prompts.js';
import { ANONYMITY_PROMISE, CONFIDENTIALITY_STATEMENT } from '../../shared/workshop/templates.js';
import type { SharedPhaseRow } from '../../shared/workshop/participant.js';
import type { Workshop, WorkshopState } from '../../shared/workshop/workshop.js';
import { phaseRows } from '../../shared/workshop/phaseRows.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { assembleChronology } from '../commands/chronologyAssembler.js';
import { buildExportPipeline } from '../commands/exportPipelineBuilder.js';

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
  // Everything shown to participants (phase titles and rows, agenda, lessons, prompts) goes through the
  // review's one pipeline; an undecided flag shows its suggestion, never the text.
  const chron = await assembleChronology(deps, w.reviewId);
  const pseudo = (await buildExportPipeline(deps, w.reviewId, { chron })).pipeline.text;
  if (w.state.showing.kind === 'phase') {
    const showing = w.state.showing;
    const p = w.setup.phases.find((x) => x.id === showing.phaseId);
    if (p) phase = { id: p.id, title: pseudo(p.title), rows: phaseRows(chron.rows, p, pseudo) };
  }
  const open = openPromptIds(w.setup, w.state);
  return {
    title: `Reflective Learning Workshop: ${review.childPseudonym}`,
    stage: w.state.stage,
    confidentiality: CONFIDENTIALITY_STATEMENT,
    promise: ANONYMITY_PROMISE,
    agenda: w.setup.agenda.map((a) => ({ id: a.id, time: a.time, title: pseudo(a.title) })),
    currentItemId: w.state.currentItemId,
    showing: w.state.showing,
    phase,
    lessons: w.state.lessonsShared ? w.setup.lessons.map((l) => ({ id: l.id, text: pseudo(l.text) })) : null,
    prompts: allPrompts(w.setup)
      .filter((p) => open.has(p.id))
      .map((p) => ({ ...p, label: pseudo(p.label), text: pseudo(p.text) })),
  };
}

/**
 * How long a built participant view is reused for joins to the same workshop state and set-up. A
 * room of 300 joining at once then assembles the chronology and the pseudonymisation pipeline once,
 * not 300 times. A change to the register or a redaction decision reaches a joining screen at most
 * this much later; facilitator actions always build afresh.
 */
export const VIEW_REUSE_MS = 2_000;

/** Participant views built recently, per workshop, shared by the joins that follow. */
export class ParticipantViews {
  private readonly built = new Map<string, { key: string; at: number; view: Promise<ParticipantView> }>();

  /** Creates the cache over the stores the views are built from. */
  constructor(
    private readonly deps: { records: RecordStore; sync: SyncServer },
    private readonly now: () => number = Date.now,
  ) {}

  /** The view for a join: the recent one while the workshop's state and set-up are unchanged, else a fresh one. */
  forJoin(w: Workshop): Promise<ParticipantView> {
    const key = JSON.stringify([w.state, w.setup]);
    const hit = this.built.get(w.id);
    if (hit && hit.key === key && this.now() - hit.at < VIEW_REUSE_MS) return hit.view;
    return this.fresh(w);
  }

  /** Builds the view afresh (a facilitator action) and keeps it for the joins that follow. */
  fresh(w: Workshop): Promise<ParticipantView> {
    const view = participantView(this.deps, w);
    const entry = { key: JSON.stringify([w.state, w.setup]), at: this.now(), view };
    this.built.set(w.id, entry);
    const drop = () => {
      if (this.built.get(w.id) === entry) this.built.delete(w.id);
    };
    view.catch(drop);
    setTimeout(drop, VIEW_REUSE_MS).unref();
    return view;
  }
}
