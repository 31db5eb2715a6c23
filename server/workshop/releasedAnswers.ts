import type { ReleasedAnswer } from '../../shared/workshop/anonymity.js';
import { allPrompts, type Prompt } from '../../shared/workshop/prompts.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import type { RecordStore } from '../storage/types.js';
import type { ResponseStore } from './ResponseStore.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { workshopTextFilter } from './workshopText.js';

/** One prompt with its current release, as every staff listing and export reads it. */
export type PromptWithRelease = Prompt & {
  released: boolean;
  releaseId: string | null;
  fromInvitations: number;
  fromCode: number;
  codeCounted: boolean;
  responses: ReleasedAnswer[];
};

/**
 * Every prompt of a workshop with the answers of its current release (none before the first), hidden
 * ones flagged, their words through the workshop text filter (unless `raw`, for the export pipeline). The only way staff screens, exports and
 * the report read answers, so none of them can see an answer that has not been released.
 */
export async function releasedAnswers(
  deps: { records: RecordStore; responses: ResponseStore; sync: SyncServer },
  w: Workshop,
  opts: { raw?: boolean } = {},
): Promise<PromptWithRelease[]> {
  // `raw` is only for the export pipeline itself, which pseudonymises and leak-checks what it produces.
  const text = opts.raw ? (t: string) => t : await workshopTextFilter(deps, w);
  const out: PromptWithRelease[] = [];
  for (const p of allPrompts(w.setup)) {
    const rel = await deps.responses.currentRelease(w.id, p.id);
    out.push({
      ...p,
      released: rel !== null,
      releaseId: rel?.id ?? null,
      fromInvitations: rel?.fromInvitations ?? 0,
      fromCode: rel?.fromCode ?? 0,
      codeCounted: rel?.codeCounted ?? false,
      responses: (rel?.responses ?? []).map((r) => ({ ...r, text: text(r.text) })),
    });
  }
  return out;
}

/**
 * The answers of a release that may leave the screen in an export or the report: the visible (not
 * hidden) ones, and none at all when hiding has left fewer than k of them.
 */
export function exportableAnswers(p: PromptWithRelease, k: number): string[] {
  const shown = p.responses.filter((r) => !r.hidden).map((r) => r.text);
  return shown.length >= k ? shown : [];
}
