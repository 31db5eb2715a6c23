/**
 * WebSocket close codes the sync server uses at /yjs (docs/sync.md, "Close codes"). The 4xxx codes are
 * ours. The app reconnects after every one except a refused change (4400, 4403, most 4413s), which a
 * reconnect would only re-send: it stops and tells the user instead (client/src/lib/refusedEdit.ts).
 */

/** A frame that does not decode (bad varints, unknown sync type, corrupt update or awareness JSON). */
export const CLOSE_BAD_DATA = 1007;

/** The server could not store or apply the document; the room is rebuilt from its log. */
export const CLOSE_SERVER_ERROR = 1011;

/** The user's access changed (logout, role change, disabled account). */
export const CLOSE_ACCESS_CHANGED = 4001;

/** An update that would break the document's shape (unknown map, nesting, types, field sizes). */
export const CLOSE_BAD_SHAPE = 4400;

/** An update under a Yjs client id that another user introduced. */
export const CLOSE_FOREIGN_CLIENT = 4403;

/**
 * An update that would take the document past a cap (entries, bytes), or updates waiting for missing
 * dependencies past their size or time limit.
 */
export const CLOSE_TOO_LARGE = 4413;

/** Too many sync requests or presence updates, or more outgoing data queued than the connection reads. */
export const CLOSE_RATE_LIMITED = 4429;
