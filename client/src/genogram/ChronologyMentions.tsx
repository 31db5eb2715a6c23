import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ChronologyDateSchema, formatChronologyDate } from '../../../shared/chronology/index.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { Link } from '../router/Link.js';

/** The part of GET /api/reviews/:id/chronology this panel reads: each row's date, agency, event and family contacts. */
export const MentionRowsSchema = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      agencyCode: z.string(),
      date: ChronologyDateSchema,
      keyEvent: z.string(),
      familyContactIds: z.array(z.string()),
    }),
  ),
});

/** One chronology row naming a person. */
export type MentionRow = z.infer<typeof MentionRowsSchema>['rows'][number];

/** Longest key event shown in the panel; the chronology shows the rest. */
const MAX_EVENT_CHARS = 160;

/** The chronology tab filtered to one person's events (the filter reads `person` from the address). */
function chronologyFilteredTo(reviewId: string, personId: string): string {
  return `/reviews/${encodeURIComponent(reviewId)}/chronology?${new URLSearchParams({ person: personId }).toString()}`;
}

/**
 * The integrated chronology's rows that name a person as a family contact, in the chronology's own
 * order. Read over REST (the server merges every agency's document), again whenever the person
 * changes, so the list is as fresh as the selection.
 */
export function ChronologyMentions({ reviewId, personId, name }: { reviewId: string; personId: string; name: string }) {
  const [rows, setRows] = useState<MentionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    setRows(null);
    setError(null);
    apiRequest('GET', `/api/reviews/${encodeURIComponent(reviewId)}/chronology`, { schema: MentionRowsSchema })
      .then((r) => {
        if (!cancelled) setRows(r.rows.filter((row) => row.familyContactIds.includes(personId)));
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(errorMessage(err));
      });
    return () => {
      cancelled = true;
    };
  }, [reviewId, personId]);

  return (
    <section className="gg-panel__section" aria-labelledby="gg-mentions-heading">
      <h4 id="gg-mentions-heading">In the chronology</h4>
      {error && <p className="muted">The chronology could not be read: {error}</p>}
      {!error && rows === null && <p className="muted">Looking for rows that name {name}…</p>}
      {rows && rows.length === 0 && <p className="muted">No chronology row names {name} as a family contact yet.</p>}
      {rows && rows.length > 0 && (
        <ul className="gg-mentions" data-testid="genogram-mentions">
          {rows.map((r) => (
            <li key={r.id}>
              <span className="gg-mentions__date">{formatChronologyDate(r.date)}</span> <span className="gg-mentions__agency">{r.agencyCode}</span>{' '}
              {r.keyEvent.length > MAX_EVENT_CHARS ? `${r.keyEvent.slice(0, MAX_EVENT_CHARS)}…` : r.keyEvent}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={chronologyFilteredTo(reviewId, personId)}>Show {name}&rsquo;s events in the chronology</Link>
      </p>
    </section>
  );
}
