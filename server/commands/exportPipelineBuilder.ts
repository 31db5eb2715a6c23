import { createPipeline, type LeakCheckOptions, type Pipeline } from '../../shared/pseudonymise/index.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { assembleChronology, type AssembledChronology } from './chronologyAssembler.js';

/** The pipeline for one review's outputs, with what the leak check needs to judge them. */
export type ExportPipeline = {
  pipeline: Pipeline;
  chron: AssembledChronology;
  /** The register the leak check re-derives its terms from (people and practitioners). */
  register: AssembledChronology['exportRegister'];
  leakOptions: LeakCheckOptions;
  childPseudonym: string;
};

/**
 * Builds the one pipeline every output of a review uses (report, chronology, workshop screens and
 * exports), from the people register and practitioners, the review's agency codes and names (never
 * names, never refused) and the lead reviewer's stored decisions and allowlist.
 */
export async function buildExportPipeline(
  deps: { records: RecordStore; sync: SyncServer },
  reviewId: string,
  opts: { agesOn?: string; chron?: AssembledChronology } = {},
): Promise<ExportPipeline> {
  const review = (await deps.records.get('reviews', reviewId))!;
  const chron = opts.chron ?? (await assembleChronology(deps, reviewId));
  const stored = await deps.records.get('redactionReviews', reviewId);
  const agencyCodes = chron.agencies.map((a) => a.shortCode);
  const allowlist = stored?.allowlist ?? [];
  const pipeline = createPipeline(chron.exportRegister, review.childPseudonym, {
    agesOn: opts.agesOn,
    agencyCodes,
    agencyNames: chron.agencies.map((a) => a.name),
    allowlist,
    decisions: stored?.decisions ?? [],
  });
  return { pipeline, chron, register: chron.exportRegister, leakOptions: { agencyCodes, allowlist }, childPseudonym: review.childPseudonym };
}
