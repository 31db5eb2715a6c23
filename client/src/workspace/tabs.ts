import type { Role } from '../../../shared/roles.js';

/** The stages of a review, in the order it runs; the workspace groups its sections by them. */
export const WORKSPACE_STAGES = [
  { id: 'set-up', label: 'Set-up' },
  { id: 'rapid-review', label: 'Rapid Review' },
  { id: 'local-review', label: 'Local review' },
  { id: 'workshop', label: 'Workshop' },
  { id: 'report', label: 'Report' },
] as const;

/** A stage of the review. */
export type WorkspaceStage = (typeof WORKSPACE_STAGES)[number]['id'];

/** The sections of a review workspace, in the order they are shown, with their URL segment and stage. */
export const WORKSPACE_TABS = [
  { id: 'overview', label: 'Overview', stage: 'set-up' },
  { id: 'agencies', label: 'Agencies', stage: 'set-up' },
  { id: 'members', label: 'Members and invitations', stage: 'set-up' },
  { id: 'people', label: 'People register', stage: 'set-up' },
  { id: 'timescales', label: 'Timescales', stage: 'rapid-review' },
  { id: 'chronology', label: 'Chronology', stage: 'rapid-review' },
  { id: 'rapid-review', label: 'Rapid Review', stage: 'rapid-review' },
  { id: 'scoping', label: 'Scoping', stage: 'local-review' },
  { id: 'terms-of-reference', label: 'Terms of reference', stage: 'local-review' },
  { id: 'evidence', label: 'Evidence', stage: 'local-review' },
  { id: 'genogram', label: 'Genogram', stage: 'local-review' },
  { id: 'workshop', label: 'Workshop', stage: 'workshop' },
  { id: 'report', label: 'Report', stage: 'report' },
] as const satisfies readonly { id: string; label: string; stage: WorkspaceStage }[];

/** A workspace section id. */
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number]['id'];

/**
 * Sections only some roles see; any other section is shown to every member. This only hides links:
 * the server refuses the data to everyone else anyway.
 */
const TAB_ROLES: Partial<Record<WorkspaceTab, readonly Role[]>> = {
  report: ['lead-reviewer', 'review-team'],
  workshop: ['lead-reviewer', 'review-team'],
  'rapid-review': ['lead-reviewer', 'review-team', 'observer'],
  'terms-of-reference': ['lead-reviewer', 'review-team', 'observer'],
};

/** True when a member with `role` is shown the section's link. */
export function tabVisibleTo(tab: WorkspaceTab, role: Role): boolean {
  return TAB_ROLES[tab]?.includes(role) ?? true;
}

/** True when a URL segment names a workspace section. */
export function isWorkspaceTab(s: string): s is WorkspaceTab {
  return WORKSPACE_TABS.some((t) => t.id === s);
}

/** The next thing to do in a review, where it is done, and what it holds up. */
export type NextStep = { text: string; tab: WorkspaceTab; blocks: string };

/**
 * What to do first, from what the workspace knows: a review with no agencies cannot start its
 * chronology, and agency authors cannot be invited to an agency that is not there. Null when nothing
 * is holding the review up (each page's own empty state then says what to do there).
 */
export function nextStep(review: { agencyCount: number; role: Role }): NextStep | null {
  if (review.agencyCount === 0) {
    return {
      text: review.role === 'lead-reviewer' ? 'Add the agencies taking part.' : 'The lead reviewer adds the agencies taking part.',
      tab: 'agencies',
      blocks: 'Until then the chronology has no agency to hold its rows, and no agency author can be invited.',
    };
  }
  return null;
}
