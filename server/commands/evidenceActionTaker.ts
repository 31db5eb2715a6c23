import { isoDateInLondon } from '../../shared/dates.js';
import {
  EVIDENCE_REFUSAL_MESSAGES,
  MAX_REQUEST_HISTORY,
  applyEvidenceAction,
  evidenceRefusal,
  openQueryCount,
  type EvidenceActor,
  type EvidenceRefusal,
  type EvidenceRequest,
  type RequestActionBody,
} from '../../shared/evidence/index.js';
import { HttpError, forbidden, notFound } from '../http/errors.js';
import { queriesOf, requestIn, userById } from './evidenceRecords.js';
import { withEvidenceLock } from './evidenceLock.js';
import { checkBaseVersion, saveVersioned } from './lifecycleVersionChecker.js';
import type { CommandDeps } from './types.js';

/** Refusals that are about who is asking (403), as opposed to the request's state (409) or the input (400). */
const ROLE_REFUSALS: ReadonlySet<EvidenceRefusal> = new Set(['role', 'other-agency', 'not-senior-lead']);

/**
 * Takes one step in a request's life (shared/evidence/status.ts decides who may): start, endorse,
 * submit, return with reasons, accept, reopen. Every step is dated in the request's history and
 * audited (the action as reason code, never the reasons' text).
 */
export async function takeEvidenceAction(
  deps: CommandDeps,
  actor: { userId: string; member: EvidenceActor },
  reviewId: string,
  requestId: string,
  body: RequestActionBody,
): Promise<EvidenceRequest> {
  return withEvidenceLock(reviewId, async () => {
    const current = await requestIn(deps.records, reviewId, requestId);
    if (!current) throw notFound('That request');
    if (actor.member.role === 'agency-author' && actor.member.agencyId !== current.agencyId) {
      // Another agency's request is not theirs to know about.
      await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, targetId: requestId, reason: 'other-agency' });
      throw notFound('That request');
    }
    const openQueries = openQueryCount(await queriesOf(deps.records, reviewId), current.agencyId, current.kind);
    const state = { status: current.status, endorsed: current.endorsement !== null, openQueries };
    const refusal = evidenceRefusal(actor.member, current.agencyId, state, body.action, body.reason);
    if (refusal) {
      if (ROLE_REFUSALS.has(refusal)) {
        await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, targetId: requestId, reason: `evidence-${refusal}` });
        throw forbidden(EVIDENCE_REFUSAL_MESSAGES[refusal]);
      }
      if (refusal === 'reason-required') {
        throw new HttpError(400, 'invalid', EVIDENCE_REFUSAL_MESSAGES[refusal], { fields: [{ path: 'reason', message: 'is required' }] });
      }
      throw new HttpError(409, refusal, EVIDENCE_REFUSAL_MESSAGES[refusal], { openQueries });
    }
    checkBaseVersion(current.version, body.baseVersion, 'this request');
    if (current.history.length >= MAX_REQUEST_HISTORY) {
      throw new HttpError(409, 'history-full', 'This request has reached the most changes it can record. Ask the lead reviewer to send a new one.');
    }
    const now = deps.now?.() ?? new Date();
    const on = isoDateInLondon(now);
    const next = applyEvidenceAction(state, body.action);
    let endorsement = next.endorsed ? current.endorsement : null;
    if (body.action === 'endorse') {
      const user = await userById(deps.records, actor.userId);
      endorsement = {
        userId: actor.userId,
        name: user?.name ?? 'Unknown',
        designation: actor.member.seniorLead!.designation,
        on,
        at: now.toISOString(),
      };
    }
    const saved: EvidenceRequest = {
      ...current,
      status: next.status,
      endorsement,
      history: [...current.history, { action: body.action, status: next.status, on, at: now.toISOString(), by: actor.userId, reason: body.action === 'return' ? body.reason : '' }],
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    await saveVersioned(
      'this request',
      deps.records.commit([{ op: 'put', collection: 'evidenceRequests', record: saved, ifVersion: current.version }], {
        audit: [{ type: 'evidence.state-changed', actorId: actor.userId, reviewId, targetId: requestId, reason: body.action }],
      }),
    );
    return saved;
  });
}
