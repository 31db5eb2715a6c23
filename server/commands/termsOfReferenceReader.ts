import { termsOfReferenceSummary, type TermsOfReferenceSummary } from '../../shared/lifecycle/index.js';
import type { RecordStore } from '../storage/types.js';

/**
 * The terms of reference as other features read them (the report export's TermsOfReferenceSource):
 * the agreed key lines of enquiry and the review's time period, or null when neither is set.
 */
export function termsOfReferenceSource(records: RecordStore): (reviewId: string) => Promise<TermsOfReferenceSummary | null> {
  return async (reviewId) => {
    const review = await records.get('reviews', reviewId);
    if (!review) return null;
    return termsOfReferenceSummary(review, (await records.get('termsOfReference', reviewId))?.content ?? null);
  };
}
