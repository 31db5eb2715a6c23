import { z } from 'zod';
import { safeString } from '../text.js';
import { MAX_RESPONSE_CHARS } from './workshop.js';

/** A receipt: 32 random bytes the participant's browser keeps, base64url. The server stores only its hash. */
export const ReceiptSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Socket payloads from participants (the /workshop namespace). Objects are strict. */
export const JoinPayloadSchema = z.strictObject({ workshopId: z.string().regex(/^[A-Za-z0-9_-]{16,24}$/), code: z.string().trim().toUpperCase().regex(/^[A-Z2-9]{6}$/) });
/** Submit or edit a response: the same receipt and prompt replaces the earlier text. */
export const RespondPayloadSchema = z.strictObject({ promptId: z.string().regex(/^w[1-4]-[a-z0-9-]{1,40}$/), text: safeString().trim().min(1).max(MAX_RESPONSE_CHARS), receipt: ReceiptSchema });
/** Withdraw a response by its receipt. */
export const WithdrawPayloadSchema = z.strictObject({ promptId: z.string().regex(/^w[1-4]-[a-z0-9-]{1,40}$/), receipt: ReceiptSchema });
/** "I would like to speak privately with the lead reviewer": optional contact details, kept apart from every answer. */
export const PrivateRequestPayloadSchema = z.strictObject({ contact: safeString().trim().max(500) });

/** A participant's view of a shared phase row: pseudonymised, read-only. */
export type SharedPhaseRow = { date: string; agencyCode: string; agencyName: string; colour: string; event: string };
