import { useEffect, useState } from 'react';
import { formatUkDate } from '../../../shared/dates.js';
import { fetchScope } from './chronologyApi.js';

/** The period under review and the key lines of enquiry from the terms of reference, shown above the chronology. */
export function ScopeNotice({ reviewId }: { reviewId: string }) {
  const [scope, setScope] = useState<Awaited<ReturnType<typeof fetchScope>>>(null);
  useEffect(() => {
    let cancelled = false;
    fetchScope(reviewId).then(
      (s) => {
        if (!cancelled) setScope(s);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [reviewId]);
  if (!scope || (!scope.periodStart && scope.keyLinesOfEnquiry.length === 0)) return null;
  return (
    <div className="chronology-scope" data-testid="chronology-scope">
      {scope.periodStart && scope.periodEnd && (
        <p>
          Period under review: {formatUkDate(scope.periodStart)} to {formatUkDate(scope.periodEnd)}. Events outside it are kept where they explain the pattern.
        </p>
      )}
      {scope.keyLinesOfEnquiry.length > 0 && (
        <details>
          <summary>Key lines of enquiry ({scope.keyLinesOfEnquiry.length})</summary>
          <ol>
            {scope.keyLinesOfEnquiry.map((k, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list of plain strings with no ids, in order; an item's position is its identity
              <li key={i}>{k}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
