/** The sections of a review workspace, in the order they are shown, with their URL segment. */
export const WORKSPACE_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'agencies', label: 'Agencies' },
  { id: 'people', label: 'People register' },
  { id: 'members', label: 'Members and invitations' },
] as const;

/** A workspace section id. */
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number]['id'];

/** True when a URL segment names a workspace section. */
export function isWorkspaceTab(s: string): s is WorkspaceTab {
  return WORKSPACE_TABS.some((t) => t.id === s);
}
