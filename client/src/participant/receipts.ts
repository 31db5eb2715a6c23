import { z } from 'zod';
import { ReceiptSchema } from '../../../shared/workshop/participant.js';

/**
 * Receipts let a participant edit or withdraw their own answers without any account. Each answer gets
 * its own fresh receipt: the server stores a hash of it, so reusing one receipt for two answers would
 * let anyone holding the store link those answers. Receipts (and the answer text, so it can be edited)
 * stay in this browser's localStorage until the workshop closes, and never leave it except with the
 * answer they belong to.
 */

/** Bytes of randomness in a receipt (256 bits), so a receipt cannot be guessed. */
export const RECEIPT_BYTES = 32;

/** Encodes bytes as base64url without padding (RFC 4648 section 5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh receipt: 32 bytes from the platform's Web Crypto, as 43 base64url characters. */
export function newReceipt(fill: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return toBase64Url(fill(new Uint8Array(RECEIPT_BYTES)));
}

/** The part of the Web Storage API the stores here use (so tests can pass a Map-backed one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** One of the participant's own answers: its receipt, its words, and whether the server acknowledged it. */
export type StoredAnswer = { receipt: string; text: string; confirmed: boolean };

const StoredAnswersSchema = z.object({
  answers: z.record(z.string().regex(/^w[1-4]-[a-z0-9-]{1,40}$/), z.object({ receipt: ReceiptSchema, text: z.string(), confirmed: z.boolean() })),
});

/** The storage key for one workshop's answers. */
export function answersKey(workshopId: string): string {
  return `rr.workshop.answers.${workshopId}`;
}

/** This browser's answers for a workshop, by prompt id; anything unreadable counts as nothing stored. */
export function readAnswers(storage: KeyValueStorage | null, workshopId: string): Record<string, StoredAnswer> {
  try {
    const raw = storage?.getItem(answersKey(workshopId));
    if (!raw) return {};
    const parsed = StoredAnswersSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.answers : {};
  } catch {
    return {};
  }
}

function writeAnswers(storage: KeyValueStorage | null, workshopId: string, answers: Record<string, StoredAnswer>): boolean {
  if (!storage) return false;
  try {
    if (Object.keys(answers).length === 0) storage.removeItem(answersKey(workshopId));
    else storage.setItem(answersKey(workshopId), JSON.stringify({ answers }));
    return true;
  } catch {
    // Storage can be full or switched off (some private windows): the caller tells the participant.
    return false;
  }
}

/** Keeps (or replaces) the answer to one prompt; false when this browser cannot keep it. */
export function saveAnswer(storage: KeyValueStorage | null, workshopId: string, promptId: string, answer: StoredAnswer): boolean {
  return writeAnswers(storage, workshopId, { ...readAnswers(storage, workshopId), [promptId]: answer });
}

/** Forgets the answer to one prompt (after it was withdrawn). */
export function forgetAnswer(storage: KeyValueStorage | null, workshopId: string, promptId: string): void {
  const { [promptId]: _gone, ...rest } = readAnswers(storage, workshopId);
  writeAnswers(storage, workshopId, rest);
}

/** Forgets every answer and receipt of a workshop (once it has closed, nothing can be changed). */
export function forgetWorkshop(storage: KeyValueStorage | null, workshopId: string): void {
  try {
    storage?.removeItem(answersKey(workshopId));
  } catch {
    /* nothing to forget */
  }
}

/**
 * The receipt to send with an answer: the one already kept for this prompt (so a retry or an edit
 * replaces the earlier answer instead of adding a second), or a fresh one.
 */
export function receiptFor(existing: StoredAnswer | undefined, make: () => string = newReceipt): string {
  return existing?.receipt ?? make();
}

/** The storage, or null where the browser refuses access (a sandboxed frame, storage switched off). */
export function browserStorage(kind: 'localStorage' | 'sessionStorage'): KeyValueStorage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}
