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

/** Failed logins allowed per email inside the throttle window. */
export const LOGIN_MAX_FAILURES = 5;

/** The window over which failed logins are counted. */
export const LOGIN_THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** Failed logins allowed from one client address inside the window; higher, because offices share an address. */
export const LOGIN_MAX_FAILURES_PER_CLIENT = 30;
