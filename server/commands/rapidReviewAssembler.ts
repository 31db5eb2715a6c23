import { docName } from '../../shared/docNames.js';
import { readRegister, type RegisterRead } from '../../shared/peopleDoc.js';
import type { Person } from '../../shared/people.js';
import { checkQuorum, scopingDigest, type Quorum, type RapidReviewContent, type ScopingDigest } from '../../shared/lifecycle/index.js';
import type { Agency, Review } from '../../shared/schemas/records.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { rapidReviewOf } from './rapidReviewRecordSaver.js';
import { scopingsOf } from './scopingUpdater.js';

/** Everything the Rapid Review record is shown and exported with. */
export type AssembledRapidReview = {
  review: Review;
  agencies: Agency[];
  content: RapidReviewContent;
  version: number;
  updatedAt: string;
  people: Person[];
  /** People register records that did not validate and were left out of `people`. */
  skippedPeople: number;
  quorum: Quorum;
  scoping: ScopingDigest;
};

/** Reads a review's people register from its live document (or storage), with how many records were left out. */
export async function readReviewPeople(sync: SyncServer, reviewId: string): Promise<RegisterRead> {
  return sync.read(docName({ reviewId, kind: 'people' }), readRegister);
}

/** Gathers the record, the review's agencies, the people register and the returned scoping forms. */
export async function assembleRapidReview(deps: { records: RecordStore; sync: SyncServer }, reviewId: string): Promise<AssembledRapidReview> {
  const review = (await deps.records.get('reviews', reviewId))!;
  const agencies = await deps.records.find('agencies', { reviewId });
  const { content, version, updatedAt } = await rapidReviewOf(deps, reviewId);
  const { people, skipped: skippedPeople } = await readReviewPeople(deps.sync, reviewId);
  const scoping = scopingDigest(await scopingsOf(deps.records, reviewId));
  return { review, agencies, content, version, updatedAt, people, skippedPeople, quorum: checkQuorum(content.participants, agencies), scoping };
}
