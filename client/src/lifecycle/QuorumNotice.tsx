import { PARTNER_NAMES, SAFEGUARDING_PARTNERS, checkQuorum, joinWithAnd, quorumSentence } from '../../../shared/lifecycle/index.js';
import type { Participant } from '../../../shared/lifecycle/index.js';
import { Notice } from '../components/Notice.js';
import type { LifecycleAgency } from './lifecycleSchemas.js';

/**
 * The quorum check, worked out as participants are listed. It sits in a polite live region so a
 * screen reader hears when the meeting becomes (or stops being) quorate; the heading says it in words.
 */
export function QuorumNotice({ participants, agencies }: { participants: readonly Participant[]; agencies: readonly LifecycleAgency[] }) {
  const q = checkQuorum(
    participants.filter((p) => p.agencyId),
    agencies,
  );
  const noPartner = SAFEGUARDING_PARTNERS.filter((t) => !agencies.some((a) => a.partnerType === t));
  return (
    <div aria-live="polite" data-testid="quorum">
      {q.quorate ? (
        <Notice tone="success" title="Quorate">
          <p>{quorumSentence(q)}</p>
        </Notice>
      ) : (
        <Notice tone="error" title="Quorum warning: not quorate">
          <p>{quorumSentence(q)}</p>
          {noPartner.length > 0 && (
            <p>
              This review has no agency yet for {joinWithAnd(noPartner.map((t) => PARTNER_NAMES[t]))}: the lead reviewer can add one on the Agencies page, with its partner type.
            </p>
          )}
        </Notice>
      )}
    </div>
  );
}
