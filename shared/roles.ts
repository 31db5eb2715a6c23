import { z } from 'zod';

/** The roles a member can hold in one review (DOMAIN.md, "Who does what"). */
export const ROLES = ['lead-reviewer', 'review-team', 'agency-author', 'observer'] as const;

/** A member's role in one review. */
export const RoleSchema = z.enum(ROLES);

/** A member's role in one review. */
export type Role = z.infer<typeof RoleSchema>;

/** Human-readable role names, British spelling. */
export const ROLE_LABELS: Record<Role, string> = {
  'lead-reviewer': 'Lead reviewer',
  'review-team': 'Review team member',
  'agency-author': 'Agency author',
  observer: 'Observer',
};

/** Roles that may manage a review's agencies, invitations and settings. */
export function canManageReview(role: Role): boolean {
  return role === 'lead-reviewer';
}

/** The parts of a membership the senior-lead rules read. */
export type SeniorLeadMember = { role: Role; agencyId: string | null; seniorLead?: { designation: string } | null };

/**
 * True when this member is the senior lead of `agencyId`: an agency author of that agency whose
 * membership records a designation. Only they endorse that agency's evidence (Document 12/15a:
 * "signed off by the organisation at an executive level").
 */
export function isSeniorLeadOf(m: SeniorLeadMember, agencyId: string): boolean {
  return m.role === 'agency-author' && m.agencyId === agencyId && !!m.seniorLead;
}

/** Who may name or remove an agency's senior lead: those who manage the review's members. */
export function mayAppointSeniorLead(role: Role): boolean {
  return canManageReview(role);
}
