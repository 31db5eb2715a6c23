import type { RapidReviewDraft } from './rapidReviewDraft.js';
import type { RapidReviewView } from './lifecycleSchemas.js';

/** What every section of the Rapid Review form receives. */
export type SectionProps = {
  draft: RapidReviewDraft;
  /** Applies a change to the working copy. */
  update(change: (d: RapidReviewDraft) => RapidReviewDraft): void;
  view: RapidReviewView;
  errorFor(id: string): string | undefined;
};
