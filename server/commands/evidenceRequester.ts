import { isoDateInLondon } from '../../shared/dates.js';
import { newId } from '../../shared/ids.js';
import { DEFAULT_DUE_WORKING_DAYS, mayRequestEvidence, requestDueDate, type CreateRequestsBody, type EvidenceMember, type EvidenceRequest } from '../../shared/evidence/index.js';
import { HttpError, forbidden } from '../http/errors.js';
import { agenciesOf, requestsOf } from './evidenceRecords.js';
import { withEvidenceLock } from './evidenceLock.js';
import type { CommandDeps } from './types.js';

/**
 * Requests evidence from agencies (seed 002 §8.3–8.6): one request per agency and kind, due a number
 * of working days after it is sent. An agency already asked for that kind keeps its request (and its
 * history) unchanged, so sending the same request twice is harmless.
 */
export async function requestEvidence(
  deps: CommandDeps,
  actor: { userId: string; member: EvidenceMember },
  reviewId: string,
  body: CreateRequestsBody,
): Promise<{ created: EvidenceRequest[]; existing: EvidenceRequest[] }> {
  if (!mayRequestEvidence(actor.member)) {
    await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, reason: 'evidence-request' });
    throw forbidden('Only the lead reviewer and review team can request evidence.');
  }
  const now = deps.now?.() ?? new Date();
  const today = isoDateInLondon(now);
  const sentOn = body.sentOn ?? today;
  if (sentOn > today) throw invalid('sentOn', 'cannot be in the future');
  return withEvidenceLock(reviewId, async () => {
    const agencies = new Set((await agenciesOf(deps.records, reviewId)).map((a) => a.id));
    const unknown = body.agencyIds.find((id) => !agencies.has(id));
    if (unknown) throw invalid('agencyIds', 'names an agency that is not part of this review');
    const current = await requestsOf(deps.records, reviewId);
    const created: EvidenceRequest[] = [];
    const existing: EvidenceRequest[] = [];
    for (const agencyId of new Set(body.agencyIds)) {
      for (const kind of new Set(body.kinds)) {
        const found = current.find((r) => r.agencyId === agencyId && r.kind === kind);
        if (found) {
          existing.push(found);
          continue;
        }
        const workingDays = body.workingDays ?? DEFAULT_DUE_WORKING_DAYS[kind];
        let dueOn: string;
        try {
          dueOn = requestDueDate(sentOn, workingDays);
        } catch (err) {
          if (err instanceof RangeError) throw invalid('workingDays', 'takes the due date outside the bank holiday calendar');
          throw err;
        }
        created.push({
          id: newId(),
          reviewId,
          agencyId,
          kind,
          status: 'requested',
          sentOn,
          workingDays,
          dueOn,
          endorsement: null,
          history: [{ action: 'request', status: 'requested', on: sentOn, at: now.toISOString(), by: actor.userId, reason: '' }],
          version: 1,
          updatedAt: now.toISOString(),
        });
      }
    }
    if (created.length > 0) {
      await deps.records.commit(
        created.map((record) => ({ op: 'put', collection: 'evidenceRequests', record, ifVersion: 0 })),
        { audit: created.map((r) => ({ type: 'evidence.requested', actorId: actor.userId, reviewId, targetId: r.id, reason: r.kind })) },
      );
    }
    return { created, existing };
  });
}

/** A 400 naming one field, in the shape parseInput uses. */
export function invalid(path: string, message: string): HttpError {
  return new HttpError(400, 'invalid', `The request body is not valid: ${path} ${message}.`, { fields: [{ path, message }] });
}
