import { MAX_TEXT_CHARS } from '../limits.js';
/**
 * Caps for the local review's evidence records (requests, query threads, key themes). They keep one
 * record well inside the REST body limit (shared/limits.ts MAX_JSON_BODY_BYTES) and bound what one
 * member can make the server hold.
 */

/** Longest reason given when returning a submission, or a query message, in characters (about 600 words). */
export const MAX_EVIDENCE_MESSAGE_CHARS = 4_000;

/** Most messages in one query thread: a real thread is a question, an answer and a follow-up or two. */
export const MAX_QUERY_MESSAGES = 40;

/** Most query threads a review may hold: a busy review raises a few dozen per agency. */
export const MAX_QUERIES_PER_REVIEW = 2_000;

/** Most key themes for analysis: §8.8 asks for "as few as practicable". */
export const MAX_KEY_THEMES = 20;

/** Most pieces of evidence one key theme links to. */
export const MAX_THEME_EVIDENCE = 60;

/** Most entries in a request's dated history (each change of state adds one). */
export const MAX_REQUEST_HISTORY = 200;

/** Fewest and most working days an agency may be given to return a request. */
export const MIN_DUE_WORKING_DAYS = 1;

/** Most working days an agency may be given: the whole LCSPR should finish within six months. */
export const MAX_DUE_WORKING_DAYS = 120;

/** Most significant events in Section 4 of a learning template. */
export const MAX_TEMPLATE_EVENTS = 30;

/**
 * Longest free-text field of a learning template or information report (about 1,500 words): the sync
 * server's cap on any one text value (shared/limits.ts MAX_TEXT_CHARS), so a field the screen accepts is
 * never refused by the server.
 */
export const MAX_EVIDENCE_TEXT_CHARS = MAX_TEXT_CHARS;
