/** Most bytes of updates one document holds while they wait for missing dependencies. */
export const MAX_PENDING_BYTES = 1024 * 1024;

/** Most updates one document holds while they wait for missing dependencies. */
export const MAX_PENDING_UPDATES = 64;

/** How long an update may wait for its dependencies before its connection is closed to re-sync. */
export const MAX_PENDING_MS = 10_000;

/** One held update and who sent it. */
export type Pending<C, U extends { update: Uint8Array }> = { conn: C; update: U; since: number };

/**
 * Updates that depend on structs the document does not hold yet. Yjs would keep these inside the
 * document and re-merge them on every later update, without bound; here they are held outside it,
 * capped in count, bytes and age, and retried (and checked again) after each accepted update. The
 * server never lets Yjs itself hold pending structs, so every struct is checked before it integrates.
 */
export class PendingUpdates<C, U extends { update: Uint8Array }> {
  private items: Pending<C, U>[] = [];
  private bytes = 0;

  /** Holds an update; false when that would pass a cap (the caller refuses it instead). */
  hold(conn: C, update: U, now: number): boolean {
    if (this.items.length >= MAX_PENDING_UPDATES || this.bytes + update.update.length > MAX_PENDING_BYTES) return false;
    this.items.push({ conn, update, since: now });
    this.bytes += update.update.length;
    return true;
  }

  /** Takes every held update out, oldest first (the caller holds again the ones still waiting). */
  takeAll(): Pending<C, U>[] {
    const out = this.items;
    this.items = [];
    this.bytes = 0;
    return out;
  }

  /** Removes and returns the updates older than MAX_PENDING_MS. */
  expire(now: number): Pending<C, U>[] {
    const old = this.items.filter((p) => now - p.since >= MAX_PENDING_MS);
    if (old.length > 0) this.keep((p) => now - p.since < MAX_PENDING_MS);
    return old;
  }

  /** Forgets a connection's updates (it closed). */
  drop(conn: C): void {
    this.keep((p) => p.conn !== conn);
  }

  /** Number of held updates. */
  get size(): number {
    return this.items.length;
  }

  private keep(pred: (p: Pending<C, U>) => boolean): void {
    this.items = this.items.filter(pred);
    this.bytes = this.items.reduce((n, p) => n + p.update.update.length, 0);
  }
}
