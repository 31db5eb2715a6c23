import { coarseCount, type CoarseCount } from '../../shared/workshop/anonymity.js';
import { openPromptIds } from '../../shared/workshop/prompts.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { CountsPublisher } from './CountsPublisher.js';
import { participantView, type ParticipantView } from './participantView.js';
import { exportableAnswers, releasedAnswers } from './releasedAnswers.js';
import type { ResponseStore } from './ResponseStore.js';
import { workshopTextFilter } from './workshopText.js';

/** One released question as the shared screen shows it: pseudonymised words only, in the release's own order. */
export type PresentedRelease = { promptId: string; worksheet: 1 | 2 | 3 | 4; label: string; text: string; releaseId: string; answers: string[] };

/** Everything the presenter screen shows; like the participant view, it never holds a real name. */
export type PresenterView = {
  view: Omit<ParticipantView, 'confidentiality' | 'promise'>;
  released: PresentedRelease[];
  /** Coarse counts ("fewer than k", rounded) of the questions open now, from the same 30-second snapshot staff see. */
  counts: Record<string, CoarseCount>;
};

/**
 * The presenter view, for a second screen the room can see: what participants are shown (the same
 * pseudonymised participant view) and the released answers, as an export would give them: only a
 * prompt's current release, its visible answers in the release's random order, none when hiding has left
 * fewer than k, every word through the workshop text filter. Counts are the coarse snapshot.
 */
export async function presenterView(deps: { records: RecordStore; sync: SyncServer; responses: ResponseStore; counts: CountsPublisher }, w: Workshop): Promise<PresenterView> {
  const { confidentiality: _c, promise: _p, ...view } = await participantView(deps, w);
  const text = await workshopTextFilter(deps, w);
  const released: PresentedRelease[] = [];
  for (const p of await releasedAnswers(deps, w)) {
    const answers = exportableAnswers(p, w.setup.k);
    if (!p.released || !p.releaseId || answers.length === 0) continue;
    released.push({ promptId: p.id, worksheet: p.worksheet, label: text(p.label), text: text(p.text), releaseId: p.releaseId, answers });
  }
  const snapshot = await deps.counts.snapshot(w.id);
  const counts: Record<string, CoarseCount> = {};
  for (const id of openPromptIds(w.setup, w.state)) counts[id] = snapshot[id]?.counted ?? coarseCount(0, w.setup.k);
  return { view, released, counts };
}
