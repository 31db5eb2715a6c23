import type { RedactionOutput } from '../../shared/pseudonymise/index.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { HttpError } from '../http/errors.js';
import type { FlagItem } from './redactionFindingsCollector.js';

/**
 * Refuses a pseudonymised export while any flag (a likely name the register does not hold) is
 * undecided: 409 `review-needed` with the flags, so the lead reviewer can decide them in the redaction
 * review. The refusal is audited without the text.
 */
export async function refuseUndecided(deps: { audit: AuditLog }, input: { reviewId: string; actorId: string; output: RedactionOutput; flags: readonly FlagItem[] }): Promise<void> {
  const open = input.flags.filter((f) => !f.decided);
  if (open.length === 0) return;
  await deps.audit.record({ type: 'export.refused', actorId: input.actorId, reviewId: input.reviewId, reason: `review-needed-${input.output}` });
  throw new HttpError(
    409,
    'review-needed',
    `${open.length} possible name${open.length === 1 ? '' : 's'} not in the people register must be decided in the redaction review before this ${input.output} export.`,
    { output: input.output, flags: open },
  );
}
