import { useState } from 'react';
import { mayAnswerQuery, mayAskQuery, mayReadAgencyEvidence, mayResolveQuery, type QueryTarget } from '../../../shared/evidence/index.js';
import type { Role } from '../../../shared/roles.js';
import { useApiData } from '../hooks/useApiData.js';
import { evidencePaths, QueriesSchema } from './evidenceApi.js';
import { QueryThreads } from './QueryThreads.js';

/**
 * The review team's query threads on one chronology row or organisational change, shown below its
 * panel (outside the row's form). Staff working notes: never exported, never in the report.
 */
export function RowQueries({
  reviewId,
  agencyId,
  target,
  label,
  member,
  onChanged,
}: {
  reviewId: string;
  agencyId: string;
  target: QueryTarget;
  label: string;
  member: { role: Role; agencyId: string | null };
  /** Called after a thread changed, so badges elsewhere can recount. */
  onChanged?(): void;
}) {
  const visible = mayReadAgencyEvidence(member, agencyId);
  const queries = useApiData(`${evidencePaths.queries(reviewId)}?agencyId=${encodeURIComponent(agencyId)}`, QueriesSchema);
  const [announcement, setAnnouncement] = useState('');
  if (!visible || !queries.data) return null;
  return (
    <div>
      <p className="live-line" role="status">
        {announcement}
      </p>
      <QueryThreads
        reviewId={reviewId}
        agencyId={agencyId}
        target={target}
        label={label}
        queries={queries.data.queries}
        rights={{ ask: mayAskQuery(member), answer: mayAnswerQuery(member, agencyId), resolve: mayResolveQuery(member) }}
        emptyText={`No queries on ${label}.`}
        onChanged={(m) => {
          setAnnouncement(m);
          void queries.reload();
          onChanged?.();
        }}
      />
    </div>
  );
}
