import { keepVisibleMarks, responseKey, storedOutcome, type Outcome } from '../../shared/workshop/outcome.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { notFound } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { ResponseStore } from '../workshop/ResponseStore.js';
import { releasedAnswers } from '../workshop/releasedAnswers.js';
import { checkBaseVersion } from './lifecycleVersionChecker.js';

type Deps = { records: RecordStore; responses: ResponseStore; audit: AuditLog };

/**
 * The responses the facilitator can see and mark now, as "promptId/id" keys: those of each prompt's
 * current release (GET …/responses) that are not hidden.
 */
async function markableResponses(deps: Pick<Deps, 'responses' | 'records'>, w: Workshop): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const p of await releasedAnswers(deps, w)) for (const r of p.responses) if (!r.hidden) keys.add(responseKey(p.id, r.id));
  return keys;
}

/**
 * Saves a workshop's whole outcome (already validated with OutcomeSaveSchema). Marks on responses the
 * facilitator cannot see now (hidden, withdrawn, unknown, or below k) are dropped, and the reply holds
 * the outcome as stored. A save edited from an older version is refused with 409 and changes nothing:
 * the version check and the write happen in the same tick, after the only await, so two saves from one
 * version cannot both pass. The audit line holds ids only, never what was written.
 */
export async function saveWorkshopOutcome(deps: Deps, actorId: string, workshopId: string, body: { baseVersion: number; outcome: Outcome }): Promise<{ outcome: Outcome; version: number }> {
  const before = deps.records.get('workshops', workshopId);
  if (!before) throw notFound('That workshop');
  const markable = await markableResponses(deps, before);
  const current = deps.records.get('workshops', workshopId);
  if (!current) throw notFound('That workshop');
  const { version } = storedOutcome(current);
  checkBaseVersion(version, body.baseVersion, 'the workshop outcome');
  const outcome = keepVisibleMarks(body.outcome, (promptId, slot) => markable.has(responseKey(promptId, slot)));
  await deps.records.put('workshops', { ...current, outcome, outcomeVersion: version + 1 });
  await deps.audit.record({ type: 'workshop.outcome-saved', actorId, reviewId: current.reviewId, targetId: current.id });
  return { outcome, version: version + 1 };
}
