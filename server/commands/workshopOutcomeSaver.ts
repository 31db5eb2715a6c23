import { keepVisibleMarks, responseKey, storedOutcome, type Outcome } from '../../shared/workshop/outcome.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { notFound } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { ResponseStore } from '../workshop/ResponseStore.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { releasedAnswers } from '../workshop/releasedAnswers.js';
import { checkBaseVersion, saveVersioned } from './lifecycleVersionChecker.js';

type Deps = { records: RecordStore; responses: ResponseStore; sync: SyncServer; audit: AuditLog };

/**
 * The responses the facilitator can see and mark now, as "promptId/id" keys: those of each prompt's
 * current release (GET …/responses) that are not hidden.
 */
async function markableResponses(deps: Pick<Deps, 'responses' | 'records' | 'sync'>, w: Workshop): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const p of await releasedAnswers(deps, w, { raw: true })) for (const r of p.responses) if (!r.hidden) keys.add(responseKey(p.id, r.id));
  return keys;
}

/**
 * Saves a workshop's whole outcome (already validated with OutcomeSaveSchema). Marks on responses the
 * facilitator cannot see now (not in the current release, or hidden) are dropped, and the reply holds
 * the outcome as stored. A save edited from an older version is refused with 409 and changes nothing:
 * the write is conditional on the version it was edited from, so two saves from one version cannot
 * both pass, and a release that moved the marks in between (bumping the version) wins. The audit line
 * holds ids only, never what was written.
 */
export async function saveWorkshopOutcome(
  deps: Deps,
  actorId: string,
  workshopId: string,
  body: { baseVersion: number; outcome: Outcome },
): Promise<{ outcome: Outcome; version: number }> {
  const before = await deps.records.get('workshops', workshopId);
  if (!before) throw notFound('That workshop');
  const markable = await markableResponses(deps, before);
  const current = await deps.records.get('workshops', workshopId);
  if (!current) throw notFound('That workshop');
  const { version } = storedOutcome(current);
  checkBaseVersion(version, body.baseVersion, 'the workshop outcome');
  const outcome = keepVisibleMarks(body.outcome, (promptId, slot) => markable.has(responseKey(promptId, slot)));
  await saveVersioned(
    'the workshop outcome',
    deps.records.commit([{ op: 'put', collection: 'workshops', record: { ...current, outcome, outcomeVersion: version + 1 }, ifVersion: body.baseVersion }], {
      audit: [{ type: 'workshop.outcome-saved', actorId, reviewId: current.reviewId, targetId: current.id }],
    }),
  );
  return { outcome, version: version + 1 };
}
