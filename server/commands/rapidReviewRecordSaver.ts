import { emptyRapidReview, type RapidReviewBody, type RapidReviewRecord } from '../../shared/lifecycle/index.js';
import { HttpError } from '../http/errors.js';
import { checkBaseVersion, saveVersioned } from './lifecycleVersionChecker.js';
import type { CommandDeps } from './types.js';

/** The stored record of a review, or an empty one at version 0. */
export async function rapidReviewOf(deps: Pick<CommandDeps, 'records'>, reviewId: string): Promise<Pick<RapidReviewRecord, 'content' | 'version' | 'updatedAt'>> {
  return (await deps.records.get('rapidReviewRecords', reviewId)) ?? { content: emptyRapidReview(), version: 0, updatedAt: '' };
}

/**
 * Saves the whole Rapid Review record. Every participant must be listed under one of the review's
 * agencies, because the quorum is read from the agency's partner type; anything else is a 400 that
 * names the rows, and nothing is written.
 */
export async function saveRapidReviewRecord(deps: CommandDeps, actorId: string, reviewId: string, body: RapidReviewBody): Promise<RapidReviewRecord> {
  const agencyIds = new Set((await deps.records.find('agencies', { reviewId })).map((a) => a.id));
  const strays = body.content.participants.flatMap((p, i) => (agencyIds.has(p.agencyId) ? [] : [i]));
  if (strays.length > 0) {
    const fields = strays.map((i) => ({ path: `content.participants.${i}.agencyId`, message: 'must be one of this review’s agencies' }));
    throw new HttpError(400, 'invalid', `The request body is not valid: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}.`, { fields });
  }
  const current = await deps.records.get('rapidReviewRecords', reviewId);
  checkBaseVersion(current?.version ?? 0, body.baseVersion, 'the Rapid Review record');
  const record: RapidReviewRecord = {
    id: reviewId,
    reviewId,
    content: body.content,
    version: (current?.version ?? 0) + 1,
    updatedAt: (deps.now?.() ?? new Date()).toISOString(),
    updatedBy: actorId,
  };
  await saveVersioned(
    'the Rapid Review record',
    deps.records.commit([{ op: 'put', collection: 'rapidReviewRecords', record, ifVersion: body.baseVersion }], {
      audit: [{ type: 'rapid-review.saved', actorId, reviewId, targetId: reviewId }],
    }),
  );
  return record;
}
