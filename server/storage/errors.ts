/**
 * A conditional write found another version than the one it was based on: someone else saved in
 * between. Nothing of the commit that carried it was written.
 */
export class VersionConflictError extends Error {
  /** Creates the error for one record. */
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly currentVersion: number,
  ) {
    super(`version conflict on ${collection}/${id}`);
    this.name = 'VersionConflictError';
  }
}

/** The workshop has closed: its response store refuses answers and withdrawals (a race with the close is settled in the store). */
export class WorkshopClosedError extends Error {
  /** Creates the error. */
  constructor() {
    super('the workshop has closed');
    this.name = 'WorkshopClosedError';
  }
}
