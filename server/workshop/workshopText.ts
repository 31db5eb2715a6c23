import type { Workshop } from '../../shared/workshop/workshop.js';
import { buildExportPipeline } from '../commands/exportPipelineBuilder.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';

/**
 * The one filter every piece of workshop text passes through before it leaves the server: every staff
 * listing and export of answers (GET …/responses, the .csv and .docx downloads, the report). It is the
 * review's pseudonymisation pipeline (shared/pseudonymise), with the review's register, allowlist and
 * redaction decisions, so a released answer that names the family shows its pseudonyms on any screen.
 */
export async function workshopTextFilter(deps: { records: RecordStore; sync: SyncServer }, w: Workshop): Promise<(text: string) => string> {
  const exp = await buildExportPipeline(deps, w.reviewId);
  return (text) => exp.pipeline.text(text);
}
