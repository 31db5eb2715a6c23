import type { RedactionOutput } from '../../shared/pseudonymise/index.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { HttpError } from '../http/errors.js';
import type { FlagItem } from './redactionFindingsCollector.js';

/**
 * Refuses a pseudonymised export while any flag (a likely name the register does not hold) is
 * undecided: 409 `review-needed` with the flags, so the lead reviewer can decide them in the redaction
 * review. It also refuses (409 `register-unreadable`) while any person or practitioner record cannot
 * be read. The refusal is audited without the text.
 */
export async function refuseUndecided(
  deps: { audit: AuditLog },
  input: { reviewId: string; actorId: string; output: RedactionOutput; flags: readonly FlagItem[]; unreadNames: number },
): Promise<void> {
  // A person or practitioner record that did not parse may hold a name the pipeline never saw, so no
  // software decision can make the output safe: a person must restore or remove the record first.
  if (input.unreadNames > 0) {
    await deps.audit.record({ type: 'export.refused', actorId: input.actorId, reviewId: input.reviewId, reason: `register-unreadable-${input.output}` });
    const n = input.unreadNames;
    throw new HttpError(
      409,
      'register-unreadable',
      `${n} record${n === 1 ? '' : 's'} in the people register or the practitioner lists could not be read, so names in ${n === 1 ? 'it' : 'them'} cannot be pseudonymised. Restore ${n === 1 ? 'it' : 'them'} from the history, or remove ${n === 1 ? 'it' : 'them'}, before this ${input.output} export.`,
      { output: input.output, unreadNames: n },
    );
  }
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
