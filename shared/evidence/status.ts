import { z } from 'zod';
import type { Role } from '../roles.js';
import { isSeniorLeadOf, type SeniorLeadMember } from '../roles.js';

/**
 * The life of one piece of requested evidence (seed 002, §8.3–8.7): requested → in progress →
 * submitted → (returned for revision → in progress → submitted)* → accepted. The senior lead's
 * endorsement is not a state but a dated fact that must be present before "submitted"; returning a
 * submission clears it, because what the senior lead signed off is no longer what will be resubmitted.
 */

/** Every status, in the order a request normally passes through them. */
export const EVIDENCE_STATUSES = ['requested', 'in-progress', 'submitted', 'returned', 'accepted'] as const;

/** An evidence status. */
export const EvidenceStatusSchema = z.enum(EVIDENCE_STATUSES);

/** An evidence status. */
export type EvidenceStatus = z.infer<typeof EvidenceStatusSchema>;

/** Status words for the screen, always shown as words (with an icon), never as colour alone. */
export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, string> = {
  requested: 'Requested',
  'in-progress': 'In progress',
  submitted: 'Submitted',
  returned: 'Returned for revision',
  accepted: 'Accepted',
};

/** What a member can do to a request. `endorse` records the sign-off without changing the status. */
export const EVIDENCE_ACTIONS = ['start', 'endorse', 'submit', 'return', 'accept', 'reopen'] as const;

/** An action on a request. */
export const EvidenceActionSchema = z.enum(EVIDENCE_ACTIONS);

/** An action on a request. */
export type EvidenceAction = z.infer<typeof EvidenceActionSchema>;

/** Button words for each action. */
export const EVIDENCE_ACTION_LABELS: Record<EvidenceAction, string> = {
  start: 'Start work',
  endorse: 'Endorse as senior lead',
  submit: 'Submit to the review team',
  return: 'Return for revision',
  accept: 'Accept',
  reopen: 'Reopen',
};

/** The facts about a request the state machine reads. */
export type EvidenceState = { status: EvidenceStatus; endorsed: boolean; openQueries: number };

/** Who is acting, as the rules read a membership. */
export type EvidenceActor = SeniorLeadMember & { role: Role };

/** Why an action is refused: the role does not allow it, or the request is not in a state to take it. */
export type EvidenceRefusal = 'role' | 'other-agency' | 'not-senior-lead' | 'wrong-status' | 'not-endorsed' | 'already-endorsed' | 'open-queries' | 'reason-required';

/** Messages for refusals, for the error envelope and the screen. */
export const EVIDENCE_REFUSAL_MESSAGES: Record<EvidenceRefusal, string> = {
  role: 'Your role in this review does not allow that.',
  'other-agency': 'You can only act on your own agency’s evidence.',
  'not-senior-lead': 'Only your agency’s senior lead can endorse its evidence.',
  'wrong-status': 'That cannot be done to this evidence in its current state.',
  'not-endorsed': 'Your agency’s senior lead must endorse this before it is submitted.',
  'already-endorsed': 'This has already been endorsed.',
  'open-queries': 'There are open queries on this evidence: they must be resolved before it is accepted.',
  'reason-required': 'Give the agency your reasons for returning it.',
};

/** The status each action leads to (endorse keeps the status). */
const TARGET: Record<Exclude<EvidenceAction, 'endorse'>, EvidenceStatus> = {
  start: 'in-progress',
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
  reopen: 'in-progress',
};

/** The statuses each action may start from. */
const FROM: Record<EvidenceAction, readonly EvidenceStatus[]> = {
  start: ['requested', 'returned'],
  endorse: ['requested', 'in-progress', 'returned'],
  submit: ['in-progress', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
  reopen: ['accepted'],
};

const isStaff = (role: Role) => role === 'lead-reviewer' || role === 'review-team';

/**
 * Decides whether `actor` may take `action` on `agencyId`'s request in `state`; null when allowed,
 * else the reason. The agency's own authors start and submit; only its senior lead endorses; the lead
 * reviewer and review team return, accept (never with open queries) and reopen. Observers do nothing.
 */
export function evidenceRefusal(actor: EvidenceActor, agencyId: string, state: EvidenceState, action: EvidenceAction, reason = ''): EvidenceRefusal | null {
  switch (action) {
    case 'start':
    case 'submit':
      if (actor.role !== 'agency-author') return 'role';
      if (actor.agencyId !== agencyId) return 'other-agency';
      break;
    case 'endorse':
      if (actor.role !== 'agency-author') return 'role';
      if (actor.agencyId !== agencyId) return 'other-agency';
      if (!isSeniorLeadOf(actor, agencyId)) return 'not-senior-lead';
      break;
    case 'return':
    case 'accept':
    case 'reopen':
      if (!isStaff(actor.role)) return 'role';
      break;
  }
  if (action === 'endorse' && state.endorsed) return 'already-endorsed';
  if (!FROM[action].includes(state.status)) return 'wrong-status';
  if (action === 'submit' && !state.endorsed) return 'not-endorsed';
  if (action === 'accept' && state.openQueries > 0) return 'open-queries';
  if (action === 'return' && reason.trim() === '') return 'reason-required';
  return null;
}

/** The state after an allowed action: its new status, and whether the endorsement still stands. */
export function applyEvidenceAction(state: EvidenceState, action: EvidenceAction): Pick<EvidenceState, 'status' | 'endorsed'> {
  if (action === 'endorse') return { status: state.status === 'requested' ? 'in-progress' : state.status, endorsed: true };
  // A return or a reopen voids the sign-off: the agency will change what the senior lead endorsed.
  const endorsed = action === 'return' || action === 'reopen' ? false : state.endorsed;
  return { status: TARGET[action], endorsed };
}

/** The actions `actor` could take now, for showing buttons; the server decides again on every request. */
export function availableEvidenceActions(actor: EvidenceActor, agencyId: string, state: EvidenceState): EvidenceAction[] {
  return EVIDENCE_ACTIONS.filter((a) => {
    const r = evidenceRefusal(actor, agencyId, state, a, 'x');
    return r === null;
  });
}

/** True while the agency still owes work on the request (it counts towards "overdue"). */
export function isAwaitingAgency(status: EvidenceStatus): boolean {
  return status === 'requested' || status === 'in-progress' || status === 'returned';
}

/** True while the agency's authors may still change the evidence itself. */
export function isEditableByAgency(status: EvidenceStatus): boolean {
  return isAwaitingAgency(status);
}
