import { MAX_DOC_BYTES } from '../../shared/sync/docShapes.js';
import { TokenBucket } from './tokenBucket.js';

/**
 * Per-connection bounds on what a /yjs socket can make the server hold or do (docs/sync.md,
 * "Bounded resources per connection").
 */

/**
 * Most bytes queued for one socket that it has not read yet. A whole document (at most MAX_DOC_BYTES)
 * must fit, with room for the edits that follow it; a socket past this is cut off at once, because a
 * close frame would only queue behind what it is not reading.
 */
export const MAX_QUEUED_BYTES = MAX_DOC_BYTES + 8 * 1024 * 1024;

/** Sync step 1 requests a connection may make at once; a client sends one per connection. */
export const SYNC_REQUEST_BURST = 4;

/** Sync step 1 requests per second a connection earns back. */
export const SYNC_REQUESTS_PER_SECOND = 0.2;

/** Presence updates of its own a connection may send at once. */
export const PRESENCE_BURST = 20;

/** Presence updates of its own per second a connection earns back; more are dropped. */
export const PRESENCE_PER_SECOND = 5;

/** Most presence client ids one connection may speak for; a browser tab uses one. */
export const MAX_PRESENCE_IDS_PER_CONN = 4;

/** The budgets of one connection. */
export type ConnBudgets = { syncRequests: TokenBucket; presence: TokenBucket };

/** Fresh budgets for a new connection. */
export function connBudgets(now: number): ConnBudgets {
  return {
    syncRequests: new TokenBucket(SYNC_REQUEST_BURST, SYNC_REQUESTS_PER_SECOND, now),
    presence: new TokenBucket(PRESENCE_BURST, PRESENCE_PER_SECOND, now),
  };
}
