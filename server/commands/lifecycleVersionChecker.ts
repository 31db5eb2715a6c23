import { HttpError } from '../http/errors.js';
import { VersionConflictError } from '../storage/errors.js';

/** The 409 answer for a save edited from a version that is no longer the stored one. */
function conflict(what: string, current: number): HttpError {
  return new HttpError(409, 'version-conflict', `Someone else saved ${what} since you opened it. Nothing was changed: reload to see their changes, then make yours again.`, {
    currentVersion: current,
  });
}

/**
 * Optimistic concurrency for versioned records: a save names the version it was edited from, and is
 * refused with 409 when someone else saved in between, so nobody's acknowledged save is silently
 * overwritten. This early check answers quickly from what was read; the guarantee is the conditional
 * write (`ifVersion`) that `saveVersioned` maps to the same answer.
 */
export function checkBaseVersion(current: number, baseVersion: number, what: string): void {
  if (current !== baseVersion) throw conflict(what, current);
}

/**
 * Awaits a commit carrying conditional writes and turns a version conflict found by the store (another
 * save committed between our read and our write) into the same 409. Nothing of the commit was written.
 */
export async function saveVersioned<T>(what: string, commit: Promise<T>): Promise<T> {
  try {
    return await commit;
  } catch (err) {
    if (err instanceof VersionConflictError) throw conflict(what, err.currentVersion);
    throw err;
  }
}
