import { ApiErrorSchema } from '../../../shared/schemas/api.js';

/** One place where the leak check found something, as the server lists it. */
export type LeakProblem = { place: string; problem: string };

/** What asking for an export gave: the file, a refusal by the leak check, or another failure. Nothing is saved unless `ok`. */
export type ExportOutcome =
  | { ok: true; blob: Blob; filename: string }
  | { ok: false; kind: 'leak-found'; message: string; problems: LeakProblem[] }
  | { ok: false; kind: 'error'; message: string };

/** Reads `details.problems` of a 422 leak-found error; entries that are not `{place, problem}` strings are dropped. */
export function leakProblemsOf(details: unknown): LeakProblem[] {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return [];
  const list = (details as { problems?: unknown }).problems;
  if (!Array.isArray(list)) return [];
  const out: LeakProblem[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { place, problem } = item as { place?: unknown; problem?: unknown };
    if (typeof place !== 'string' || typeof problem !== 'string') continue;
    const key = `${place}\n${problem}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ place, problem });
  }
  return out;
}

/** The file name from a Content-Disposition header, or `fallback`; only plain, safe names are taken. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const m = disposition ? /filename="([^"\\/]{1,100})"/.exec(disposition) : null;
  return m && /^[\w.-]+$/.test(m[1]!) ? m[1]! : fallback;
}

/** Turns an export response into an outcome: the file, or why there is none. */
export async function exportOutcome(res: Response, fallbackName: string): Promise<ExportOutcome> {
  if (res.ok) return { ok: true, blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition'), fallbackName) };
  let json: unknown = null;
  try {
    json = JSON.parse(await res.text());
  } catch {
    json = null;
  }
  const parsed = ApiErrorSchema.safeParse(json);
  if (res.status === 422 && parsed.success && parsed.data.error.code === 'leak-found') {
    return { ok: false, kind: 'leak-found', message: parsed.data.error.message, problems: leakProblemsOf(parsed.data.error.details) };
  }
  if (res.status === 401) return { ok: false, kind: 'error', message: 'Your session has ended. Sign in again, then download the report.' };
  return { ok: false, kind: 'error', message: parsed.success ? parsed.data.error.message : `The server answered ${res.status}. Please try again.` };
}

/**
 * Asks the server for the report as .docx or .md. The leak check runs on the server before every
 * download, so the response is either the file or a refusal; a refusal never saves anything.
 */
export async function requestExport(url: string, fallbackName: string): Promise<ExportOutcome> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    return { ok: false, kind: 'error', message: 'Could not reach the server. Check your connection and try again.' };
  }
  return exportOutcome(res, fallbackName);
}

/** Hands a downloaded file to the browser to save, through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a little later: revoking at once can cancel the download before the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
