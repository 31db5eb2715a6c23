import { HttpError } from '../http/errors.js';

/**
 * Optimistic concurrency for the lifecycle records: a save names the version it was edited from, and
 * is refused with 409 when someone else saved in between, so nobody's acknowledged save is silently
 * overwritten. The check and the write happen in the same tick (no await between them), so two saves
 * from the same version cannot both pass.
 */
export function checkBaseVersion(current: number, baseVersion: number, what: string): void {
  if (current !== baseVersion) {
    throw new HttpError(409, 'version-conflict',
      `Someone else saved ${what} since you opened it. Nothing was changed: reload to see their changes, then make yours again.`,
      { currentVersion: current });
  }
}
