import type { AuditEvent } from '../audit/AuditLog.js';
import type { CollectionName, Collections, RecordChange, RecordStore, RecordTx } from './types.js';

/**
 * Runs `fn` with reads from the store and buffered writes, then commits the writes and audit events
 * in one atomic commit. A backend with real transactions (PostgreSQL) has its own; this one serves a
 * store whose commits are already atomic, where the conditional puts guard against reads gone stale.
 */
export async function runTransaction<T>(store: RecordStore, fn: (tx: RecordTx) => Promise<T>): Promise<T> {
  const changes: RecordChange[] = [];
  const audit: AuditEvent[] = [];
  const tx: RecordTx = {
    get: (c, id) => store.get(c, id),
    find: (c, where) => store.find(c, where),
    put<C extends CollectionName>(collection: C, record: Collections[C], opts?: { ifVersion?: number }) {
      changes.push({ op: 'put', collection, record, ...(opts?.ifVersion !== undefined ? { ifVersion: opts.ifVersion } : {}) } as RecordChange);
    },
    delete: (collection, id) => {
      changes.push({ op: 'delete', collection, id });
    },
    audit: (event) => {
      audit.push(event);
    },
  };
  const result = await fn(tx);
  if (changes.length > 0 || audit.length > 0) await store.commit(changes, { audit });
  return result;
}
