import { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/schemas/api.js';
import { ApiRequestError } from '../api/ApiRequestError.js';
import { apiRequest } from '../api/client.js';
import type { Phase } from './timelineItems.js';

/**
 * The chronology's REST calls (docs/api.md, "Chronology"): workshop phases for the timeline, the
 * import with its dry run, and the exports. Uploads are multipart, which the shared apiRequest does
 * not send, so they are made here with the same error handling.
 */

const IsoSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The part of GET /api/reviews/:id/chronology the client reads: the workshop phases (rows come live over Yjs). */
export const ChronologyPhasesSchema = z.object({
  phases: z
    .array(z.object({ id: z.string(), title: z.string(), start: IsoSchema, end: IsoSchema }))
    .optional()
    .default([]),
});

/** The terms of reference's scope for the chronology: period under review and key lines of enquiry. */
export const ChronologyScopeSchema = z.object({
  scope: z
    .object({ keyLinesOfEnquiry: z.array(z.string()), periodStart: IsoSchema.nullable(), periodEnd: IsoSchema.nullable() })
    .nullable()
    .optional()
    .default(null),
});

/** The chronology's scope from the terms of reference, or null. */
export async function fetchScope(reviewId: string): Promise<z.infer<typeof ChronologyScopeSchema>['scope']> {
  const r = await apiRequest('GET', `/api/reviews/${encodeURIComponent(reviewId)}/chronology/context`, { schema: ChronologyScopeSchema });
  return r.scope;
}

/** What an import, or its dry run, reports. */
export const ImportReportSchema = z.object({
  imported: z.number(),
  duplicates: z.number().optional().default(0),
  rejected: z.array(z.object({ row: z.number(), reason: z.string() })),
  preview: z
    .array(
      z.object({
        date: z.string(),
        time: z.string().nullable(),
        source: z.string(),
        childContact: z.string(),
        familyContact: z.string(),
        event: z.string(),
        comment: z.string(),
        category: z.string(),
        otherInfo: z.string(),
      }),
    )
    .optional()
    .default([]),
  unknownColumns: z.array(z.string()).optional().default([]),
});

/** What an import, or its dry run, reports. */
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** The review's workshop phases, drawn as background ranges on the timeline. */
export async function fetchPhases(reviewId: string): Promise<Phase[]> {
  const r = await apiRequest('GET', `/api/reviews/${encodeURIComponent(reviewId)}/chronology/context`, { schema: ChronologyPhasesSchema });
  return r.phases;
}

/** Turns a failed response into an ApiRequestError with the server's own message. */
async function failure(res: Response): Promise<ApiRequestError> {
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  const parsed = ApiErrorSchema.safeParse(json);
  if (parsed.success) return new ApiRequestError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
  return new ApiRequestError(res.status, 'http', `The server answered ${res.status}. Please try again.`);
}

/**
 * Sends an agency's spreadsheet to the import endpoint: `dryRun` only previews; otherwise the server
 * writes every accepted row in one update. The browser adds the Origin header the server requires.
 */
export async function uploadChronology(reviewId: string, agencyId: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const path = `/api/reviews/${encodeURIComponent(reviewId)}/agencies/${encodeURIComponent(agencyId)}/chronology/import${dryRun ? '?dryRun=true' : ''}`;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await failure(res);
  const parsed = ImportReportSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new ApiRequestError(res.status, 'bad-response', 'The server sent a response this page does not understand.');
  return parsed.data;
}

/** The file name the server gave in Content-Disposition, or a fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const m = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return m?.[1] ?? fallback;
}

/**
 * Downloads an export. It is fetched first, so a refusal (a pseudonymised copy that still names
 * someone is refused with the row and column) is shown on the page rather than saved as a file.
 */
export async function downloadExport(reviewId: string, format: 'xlsx' | 'csv', pseudonymise: boolean): Promise<string> {
  const path = `/api/reviews/${encodeURIComponent(reviewId)}/chronology/export.${format}?pseudonymise=${pseudonymise}`;
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!res.ok) throw await failure(res);
  const blob = await res.blob();
  const name = filenameFrom(res.headers.get('content-disposition'), `chronology.${format}`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the object URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
