import type { Role } from '../../../shared/roles.js';

/** The sections of a review workspace, in the order they are shown, with their URL segment. */
export const WORKSPACE_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'agencies', label: 'Agencies' },
  { id: 'people', label: 'People register' },
  { id: 'chronology', label: 'Chronology' },
  { id: 'genogram', label: 'Genogram' },
  { id: 'timescales', label: 'Timescales' },
  { id: 'scoping', label: 'Scoping' },
  { id: 'rapid-review', label: 'Rapid Review' },
  { id: 'terms-of-reference', label: 'Terms of reference' },
  { id: 'evidence', label: 'Evidence' },
  { id: 'members', label: 'Members and invitations' },
  { id: 'workshop', label: 'Workshop' },
  { id: 'report', label: 'Report' },
] as const;

/** A workspace section id. */
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number]['id'];

/**
 * Sections only some roles see; any other section is shown to every member. This only hides links:
 * the server refuses the data to everyone else anyway.
 */
const TAB_ROLES: Partial<Record<WorkspaceTab, readonly Role[]>> = {
  report: ['lead-reviewer', 'review-team'], workshop: ['lead-reviewer', 'review-team'],
  'rapid-review': ['lead-reviewer', 'review-team', 'observer'], 'terms-of-reference': ['lead-reviewer', 'review-team', 'observer'],
};

/** True when a member with `role` is shown the section's link. */
export function tabVisibleTo(tab: WorkspaceTab, role: Role): boolean {
  return TAB_ROLES[tab]?.includes(role) ?? true;
}

/** True when a URL segment names a workspace section. */
export function isWorkspaceTab(s: string): s is WorkspaceTab {
  return WORKSPACE_TABS.some((t) => t.id === s);
}
