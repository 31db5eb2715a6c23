/** One client present in a shared document, as the awareness protocol reports it. */
export type PresenceEntry = {
  clientId: number;
  name: string;
  /** The person row this client is editing, if any. */
  editing: string | null;
  isSelf: boolean;
};

/**
 * Turns awareness states into a list of who is here. The server writes `user.name` into each state, so
 * names of others come only from there; a state without a server-set name is shown as "Someone". The
 * local state never passes through the server, so the local client is named from the session. The
 * local client comes first, then others by name.
 */
export function presenceFrom(states: ReadonlyMap<number, Record<string, unknown>>, selfClientId: number, selfName: string): PresenceEntry[] {
  const out: PresenceEntry[] = [];
  for (const [clientId, state] of states) {
    if (!state || typeof state !== 'object') continue;
    const user = state.user as { name?: unknown } | undefined;
    const isSelf = clientId === selfClientId;
    const name = isSelf ? selfName : user && typeof user.name === 'string' && user.name.trim() ? user.name.trim() : 'Someone';
    const editing = typeof state.editing === 'string' && state.editing ? state.editing : null;
    out.push({ clientId, name, editing, isSelf });
  }
  return out.sort((a, b) => (a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.name.localeCompare(b.name) || a.clientId - b.clientId));
}

/**
 * Up to two initials for an avatar: "Alice Smith" gives "AS", "alice" gives "A". Only words that start
 * with a letter count, so "Chris Lowe (demo)" gives "CL", not "C(".
 */
export function initials(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (parts.length === 0) return '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}
