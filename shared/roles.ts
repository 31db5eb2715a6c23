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
