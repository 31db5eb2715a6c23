import type { PartnerType } from '../schemas/records.js';

/**
 * The Rapid Review quorum (seed 002, 4.6.1; Document 4): the meeting is quorate only when at least one
 * participant comes from each of the three safeguarding partners, the ICB, the police and the local
 * authority. A participant counts for the partner type of the agency they are listed under.
 */

/** The three safeguarding partners, in the order the template names them. */
export const SAFEGUARDING_PARTNERS = ['health-icb', 'police', 'local-authority'] as const satisfies readonly PartnerType[];

/** A safeguarding partner's partner type. */
export type SafeguardingPartner = (typeof SAFEGUARDING_PARTNERS)[number];

/** The outcome of the quorum check. */
export type Quorum = {
  quorate: boolean;
  /** How many participants each safeguarding partner has. */
  counts: Record<SafeguardingPartner, number>;
  /** The partners with nobody there, in template order. */
  missing: SafeguardingPartner[];
  /** Participants listed under an agency that is not (or no longer) in the review; they do not count. */
  unknownAgencyParticipants: number;
};

/** Checks the quorum from the participants and the review's agencies. */
export function checkQuorum(participants: readonly { agencyId: string }[], agencies: readonly { id: string; partnerType: PartnerType }[]): Quorum {
  const typeOf = new Map(agencies.map((a) => [a.id, a.partnerType]));
  const counts: Record<SafeguardingPartner, number> = { 'health-icb': 0, police: 0, 'local-authority': 0 };
  let unknownAgencyParticipants = 0;
  for (const p of participants) {
    const t = typeOf.get(p.agencyId);
    if (t === undefined) unknownAgencyParticipants++;
    else if ((SAFEGUARDING_PARTNERS as readonly string[]).includes(t)) counts[t as SafeguardingPartner]++;
  }
  const missing = SAFEGUARDING_PARTNERS.filter((p) => counts[p] === 0);
  return { quorate: missing.length === 0, counts, missing, unknownAgencyParticipants };
}

/** Names of the safeguarding partners as the quorum warning says them. */
export const PARTNER_NAMES: Record<SafeguardingPartner, string> = {
  'health-icb': 'the ICB (health)',
  police: 'the police',
  'local-authority': 'the local authority',
};

/** Joins names the British way: "a, b and c". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** One sentence describing the quorum, for the record, the letter and the screen. */
export function quorumSentence(q: Quorum): string {
  if (q.quorate) return 'Quorate: at least one participant from each safeguarding partner (the ICB, the police and the local authority).';
  return (
    `Not quorate: no participant from ${joinWithAnd(q.missing.map((p) => PARTNER_NAMES[p]))}. ` +
    'A Rapid Review needs at least one participant each from the ICB, the police and the local authority.'
  );
}
