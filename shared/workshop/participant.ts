import { z } from 'zod';
import { safeString } from '../text.js';
import { MAX_RESPONSE_CHARS } from './workshop.js';

/** A receipt: 32 random bytes the participant's browser keeps, base64url. The server stores only its hash. */
export const ReceiptSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const WorkshopIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,24}$/);
const B64 = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

/** A participation token: the prepared message (64 bytes) and its RSA-2048 blind signature (256 bytes), base64url. */
export const TokenSchema = z.strictObject({ message: B64(86, 86), signature: B64(342, 342) });

/** A participation token. */
export type ParticipationToken = z.infer<typeof TokenSchema>;

/** An invitation link's secret: 32 random bytes, base64url. */
export const InvitationSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Socket payloads from participants (the /workshop namespace). Objects are strict. Join with a token, or with the code (lower assurance). */
export const JoinPayloadSchema = z.union([
  z.strictObject({ workshopId: WorkshopIdSchema, token: TokenSchema }),
  z.strictObject({
    workshopId: WorkshopIdSchema,
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z2-9]{6}$/),
  }),
]);
/** Find a workshop by its code alone (the short address /join): answers its id, with the same slow-down as a wrong code. */
export const LookupPayloadSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z2-9]{6}$/),
});
/** Ask for the workshop's public key, to blind a token message with. */
export const IssuerKeyPayloadSchema = z.strictObject({ workshopId: WorkshopIdSchema });
/** Redeem an invitation: the server signs the blinded message once per invitation. */
export const RedeemPayloadSchema = z.strictObject({ workshopId: WorkshopIdSchema, invitation: InvitationSecretSchema, blindedMessage: B64(342, 342) });
/**
 * Submit or edit a response. A token holder's answer to a prompt is replaced by their next one; someone
 * who joined with the code sends a receipt, and the same receipt replaces the earlier text.
 */
export const RespondPayloadSchema = z.strictObject({
  promptId: z.string().regex(/^w[1-4]-[a-z0-9-]{1,40}$/),
  text: safeString().trim().min(1).max(MAX_RESPONSE_CHARS),
  receipt: ReceiptSchema.optional(),
});
/** Withdraw a response (by the token, or by its receipt after joining with the code). */
export const WithdrawPayloadSchema = z.strictObject({ promptId: z.string().regex(/^w[1-4]-[a-z0-9-]{1,40}$/), receipt: ReceiptSchema.optional() });
/** "I would like to speak privately with the lead reviewer": optional contact details, kept apart from every answer. */
export const PrivateRequestPayloadSchema = z.strictObject({ contact: safeString().trim().max(500) });

/** A participant's view of a shared phase row: pseudonymised, read-only. */
export type SharedPhaseRow = { date: string; agencyCode: string; agencyName: string; colour: string; event: string };
