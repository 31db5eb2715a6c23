/**
 * A conditional write found another version than the one it was based on: someone else saved in
 * between. Nothing of the commit that carried it was written.
 */
export class VersionConflictError extends Error {
  /** Creates the error for one record. */
  constructor(readonly collection: string, readonly id: string, readonly currentVersion: number) {
    super(`version conflict on ${collection}/${id}`);
    this.name = 'VersionConflictError';
  }
}
