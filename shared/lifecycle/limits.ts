/**
 * Caps for the lifecycle records (Rapid Review, scoping, terms of reference). They keep one record
 * well inside the REST body limit (shared/limits.ts MAX_JSON_BODY_BYTES) while leaving room for a
 * real meeting: the largest Rapid Reviews in the regional toolkit list about twenty participants.
 */

/** Most participants listed on a Rapid Review record. */
export const MAX_PARTICIPANTS = 40;

/** Most observers listed on a Rapid Review record. */
export const MAX_OBSERVERS = 20;

/** Most omitted agencies (with reasons) listed on a Rapid Review record. */
export const MAX_OMISSIONS = 20;

/** Most key lines of enquiry, proposed on the Rapid Review or agreed in the terms of reference. */
export const MAX_KLOES = 20;

/** Longest single key line of enquiry, in characters: a question, not an essay. */
export const MAX_KLOE_CHARS = 1_000;

/** Most rows in an agency's learning action tracker (Document 2, question 5). */
export const MAX_LEARNING_ACTIONS = 30;

/** Most review team members listed in the terms of reference. */
export const MAX_TEAM_MEMBERS = 30;

/** Most key dates listed in the terms of reference timeline. */
export const MAX_KEY_DATES = 30;

/** Longest free-text field of a lifecycle record, in characters (about 1,500 words). */
export const MAX_LIFECYCLE_TEXT_CHARS = 10_000;
