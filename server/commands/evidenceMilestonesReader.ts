import type { IsoDate } from '../../shared/dates.js';
import { evidenceMilestoneSummary, evidenceMilestones, mayReadAgencyEvidence, type EvidenceMilestoneSummary } from '../../shared/evidence/index.js';
import type { Membership } from '../../shared/schemas/records.js';
import type { RecordStore } from '../storage/types.js';
import { agenciesOf, requestsOf } from './evidenceRecords.js';

/**
 * A review's evidence requests as dashboard milestones, for one member: agency authors count only
 * their own agency's requests. Labels name agencies and kinds of evidence, never case content.
 */
export async function evidenceMilestonesFor(
  records: RecordStore,
  member: Pick<Membership, 'reviewId' | 'role' | 'agencyId'>,
  todayIso: IsoDate,
): Promise<EvidenceMilestoneSummary> {
  const requests = (await requestsOf(records, member.reviewId)).filter((r) => mayReadAgencyEvidence(member, r.agencyId));
  if (requests.length === 0) return { total: 0, overdueCount: 0, next: null };
  const names = new Map((await agenciesOf(records, member.reviewId)).map((a) => [a.id, a.name]));
  return evidenceMilestoneSummary(evidenceMilestones(requests, (id) => names.get(id) ?? 'Agency', todayIso));
}
