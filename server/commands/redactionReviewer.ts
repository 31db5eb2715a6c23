import type { OutgoingText, RedactionOutput } from '../../shared/pseudonymise/index.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { ResponseStore } from '../workshop/ResponseStore.js';
import { chronologyRawTexts } from './chronologyExporter.js';
import { buildExportPipeline } from './exportPipelineBuilder.js';
import { collectFindings, type FlagItem, type ReplacementItem } from './redactionFindingsCollector.js';
import { buildReportModel, type TermsOfReferenceSource } from './reportExporter.js';
import { workshopRawTexts } from './workshopResponsesExporter.js';

type Deps = { records: RecordStore; sync: SyncServer; responses: ResponseStore; audit: AuditLog };

/** What the redaction review shows for one output. */
export type RedactionReview = { output: RedactionOutput; replacements: ReplacementItem[]; flags: FlagItem[]; allowlist: string[] };

/**
 * Lists every replacement and flag the review's pipeline makes in one output (the report, the
 * pseudonymised chronology, or the workshop's screens and exports), with stored decisions applied, so
 * the lead reviewer sees what will leave the review before it does.
 */
export async function reviewRedactions(deps: Deps, input: { reviewId: string; output: RedactionOutput; termsOfReference: TermsOfReferenceSource }): Promise<RedactionReview> {
  let texts: OutgoingText[];
  let exp: Awaited<ReturnType<typeof buildExportPipeline>>;
  if (input.output === 'report') {
    const built = await buildReportModel(deps, input.reviewId, input.termsOfReference);
    texts = built.rawTexts;
    exp = built.exp;
  } else if (input.output === 'chronology') {
    exp = await buildExportPipeline(deps, input.reviewId);
    texts = chronologyRawTexts(exp.chron);
  } else {
    exp = await buildExportPipeline(deps, input.reviewId);
    texts = [];
    for (const w of await deps.records.find('workshops', { reviewId: input.reviewId })) texts.push(...(await workshopRawTexts(deps, w)));
    // Phase rows on participants' screens are the chronology's key events.
    texts.push(...exp.chron.rows.map((r, i) => ({ place: `phase rows, chronology row ${i + 1}`, text: r.keyEvent })));
  }
  return { output: input.output, ...collectFindings(exp.pipeline, texts), allowlist: exp.leakOptions.allowlist ? [...exp.leakOptions.allowlist] : [] };
}
