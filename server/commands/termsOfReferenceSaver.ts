import { emptyTermsOfReference, type TermsOfReferenceBody, type TermsOfReferenceRecord } from '../../shared/lifecycle/index.js';
import { checkBaseVersion, saveVersioned } from './lifecycleVersionChecker.js';
import type { CommandDeps } from './types.js';

/** The stored terms of reference of a review, or empty ones at version 0. */
export async function termsOfReferenceOf(deps: Pick<CommandDeps, 'records'>, reviewId: string): Promise<Pick<TermsOfReferenceRecord, 'content' | 'version' | 'updatedAt'>> {
  return (await deps.records.get('termsOfReference', reviewId)) ?? { content: emptyTermsOfReference(), version: 0, updatedAt: '' };
}

/**
 * Saves the terms of reference and the review's time period in one atomic commit. The period is the
 * review's own, so the chronology, the report and the terms of reference never disagree about it.
 */
export async function saveTermsOfReference(deps: CommandDeps, actorId: string, reviewId: string, body: TermsOfReferenceBody): Promise<TermsOfReferenceRecord> {
  const review = (await deps.records.get('reviews', reviewId))!;
  const current = await deps.records.get('termsOfReference', reviewId);
  checkBaseVersion(current?.version ?? 0, body.baseVersion, 'the terms of reference');
  const record: TermsOfReferenceRecord = {
    id: reviewId,
    reviewId,
    content: body.content,
    version: (current?.version ?? 0) + 1,
    updatedAt: (deps.now?.() ?? new Date()).toISOString(),
    updatedBy: actorId,
  };
  await saveVersioned(
    'the terms of reference',
    deps.records.commit(
      [
        { op: 'put', collection: 'termsOfReference', record, ifVersion: body.baseVersion },
        { op: 'put', collection: 'reviews', record: { ...review, periodStart: body.periodStart, periodEnd: body.periodEnd } },
      ],
      { audit: [{ type: 'terms-of-reference.saved', actorId, reviewId, targetId: reviewId }] },
    ),
  );
  return record;
}
