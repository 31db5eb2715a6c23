import { promptsEndingPhase } from '../../shared/workshop/anonymity.js';
import { applyControl, type Control } from '../../shared/workshop/transitions.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import { HttpError, notFound } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { ResponseStore } from '../workshop/ResponseStore.js';
import type { TokenIssuer } from '../workshop/TokenIssuer.js';
import type { WorkshopHub } from '../workshop/WorkshopHub.js';
import { moveMarks, releaseAnswers } from './workshopAnswersReleaser.js';

type Deps = { records: RecordStore; hub: WorkshopHub; responses: ResponseStore; issuer: TokenIssuer };

/**
 * Applies a facilitator's control action with the shared state machine, stores the new state, releases
 * the answers of whatever phase just ended, and pushes the new view to every participant screen. The
 * time is kept to the minute only. Closing also erases what could link anything (closeWorkshop).
 */
export async function controlWorkshop(deps: Deps, w: Workshop, control: Control, now = new Date()): Promise<Workshop> {
  const minute = `${now.toISOString().slice(0, 16)}Z`;
  // Checked on the record as it is now; closing seals the answers before the state says closed.
  const check = applyControl(w.setup, w.state, control, minute);
  if (!check.ok) throw new HttpError(409, 'not-now', check.reason);
  if (check.state.stage === 'closed') await deps.responses.seal(w.id);
  let ended: string[] = [];
  // Applied to the record as stored at write time, so a concurrent save is never undone.
  const changed = await deps.records.update('workshops', w.id, (current) => {
    const result = applyControl(current.setup, current.state, control, minute);
    if (!result.ok) throw new HttpError(409, 'not-now', result.reason);
    ended = promptsEndingPhase(current.setup, current.state, result.state);
    return { ...current, state: result.state };
  });
  if (!changed) throw notFound('That workshop');
  if (ended.length > 0) await releaseAnswers(deps, w.id, ended);
  if (changed.state.stage === 'closed') await closeWorkshop(deps, w.id);
  const updated = (await deps.records.get('workshops', w.id))!;
  await deps.hub.broadcast(updated);
  return updated;
}

/**
 * The last step of closing (after the final releases): what remains is answers with no keys. Answer
 * keys and slot maps go (the store rewrites every answer under a new id, and the outcome's marks move
 * with them), the blind-signing key goes, and the invitations keep only whether they were used.
 * Participants' browsers forget their pass and answers when they see the workshop closed.
 */
export async function closeWorkshop(deps: Deps, workshopId: string): Promise<void> {
  const renames = await deps.responses.finalise(workshopId);
  await moveMarks(deps.records, workshopId, renames);
  await deps.records.update('workshops', workshopId, (cur) => ({ ...cur, invitations: cur.invitations.map((i) => ({ ...i, secretHash: null })) }));
  await deps.issuer.erase(workshopId);
  deps.hub.counts.forget(workshopId);
}
