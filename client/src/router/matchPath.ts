/**
 * Matches a pathname against a pattern such as "/reviews/:id/:tab". Returns the decoded parameters,
 * or null when the path does not match. Trailing slashes are ignored.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const split = (s: string) => s.split('/').filter(Boolean);
  const want = split(pattern);
  const got = split(pathname);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** Only same-app paths are followed after sign-in, so a crafted ?next= cannot send a user elsewhere. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
