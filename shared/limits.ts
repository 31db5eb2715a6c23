/** Named limits shared by the client and the server. Every cap lives here so that it is tuned in one place. */

/** Largest JSON body the REST API accepts; review records are small, imports use multipart instead. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** Largest single WebSocket frame on /yjs; a larger frame closes only that socket. */
export const MAX_YJS_FRAME_BYTES = 8 * 1024 * 1024;

/** Socket.IO's maxHttpBufferSize: the issue requires at most 1 MB. */
export const MAX_SOCKET_IO_BUFFER_BYTES = 1_000_000;

/** Longest free-text field on a record (titles, names, notes) in characters. */
export const MAX_TEXT_CHARS = 10_000;

/** Longest short label (names, short codes, pseudonyms) in characters. */
export const MAX_LABEL_CHARS = 200;

/** Minimum password length; NCSC guidance favours length over composition rules. */
export const MIN_PASSWORD_CHARS = 12;

/** Longest password accepted, so argon2 cannot be fed megabytes. */
export const MAX_PASSWORD_CHARS = 256;

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Wrong passwords for one account from one address before each further attempt must wait a growing
 * delay (docs/security.md, "Sign-in throttling").
 */
export const LOGIN_FREE_FAILURES = 5;

/** Wrong passwords for one account from addresses it has not signed in from, before those wait too. */
export const LOGIN_FREE_FAILURES_PER_ACCOUNT = 10;

/**
 * Wrong passwords from one address (any account) before attempts from it for accounts that have not
 * signed in from it wait too; higher, because a council's staff share one address.
 */
export const LOGIN_FREE_FAILURES_PER_CLIENT = 20;

/** The first delay once the free failures are spent; each further failure doubles it. */
export const LOGIN_FIRST_DELAY_MS = 1_000;

/** The longest delay: guessing is slowed to one try a minute, but nobody is ever locked out for longer. */
export const LOGIN_MAX_DELAY_MS = 60_000;

/** Failures are forgotten this long after the last one, so the count starts again. */
export const LOGIN_THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** An account and address pair counts as recognised for this long after a successful sign-in. */
export const LOGIN_RECOGNISED_MS = 30 * 24 * 60 * 60 * 1000;

/** Most counters and recognised pairs the throttle keeps in memory; the oldest are dropped first. */
export const LOGIN_THROTTLE_MAX_ENTRIES = 100_000;
