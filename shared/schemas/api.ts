import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { UkOrIsoDateSchema } from '../dates.js';
import { RoleSchema } from '../roles.js';
import { AGENCY_COLOURS } from '../palette.js';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../limits.js';
import { EmailSchema, LabelSchema, PartnerTypeSchema, ReviewKindSchema } from './records.js';

/** Request bodies of the REST API (docs/api.md). Objects are strict: unknown keys are refused. */

/** A body for an action that takes no input (POST /api/auth/logout, …/disable): exactly `{}`. */
export const EmptyBodySchema = z.strictObject({});

/** POST /api/auth/login */
export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(MAX_PASSWORD_CHARS),
});

/** A new password, by length (NCSC guidance) rather than composition rules. */
export const NewPasswordSchema = z.string().min(MIN_PASSWORD_CHARS, `must be at least ${MIN_PASSWORD_CHARS} characters`).max(MAX_PASSWORD_CHARS);

/** POST /api/reviews */
export const CreateReviewBodySchema = z
  .strictObject({
    title: LabelSchema,
    kind: ReviewKindSchema,
    childPseudonym: LabelSchema,
    referralDate: UkOrIsoDateSchema.optional(),
    periodStart: UkOrIsoDateSchema.optional(),
    periodEnd: UkOrIsoDateSchema.optional(),
  })
  .refine((b) => !b.periodStart || !b.periodEnd || b.periodStart <= b.periodEnd, {
    message: 'the period must start before it ends',
    path: ['periodEnd'],
  });

/** POST /api/reviews/:id/agencies */
export const CreateAgencyBodySchema = z.strictObject({
  name: LabelSchema,
  shortCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9&]{1,8}$/, 'must be 1-8 letters or digits'),
  partnerType: PartnerTypeSchema,
  colour: z
    .string()
    .toLowerCase()
    .refine((c) => AGENCY_COLOURS.includes(c), 'must be a palette colour')
    .optional(),
});

/** POST /api/reviews/:id/invitations */
export const CreateInvitationBodySchema = z
  .strictObject({
    email: EmailSchema,
    role: RoleSchema,
    agencyId: IdSchema.optional(),
  })
  .refine((b) => (b.role === 'agency-author') === (b.agencyId !== undefined), {
    message: 'an agency author needs an agencyId, and only an agency author has one',
    path: ['agencyId'],
  });

/** POST /api/invitations/:token/accept */
export const AcceptInvitationBodySchema = z.strictObject({
  name: LabelSchema,
  password: NewPasswordSchema,
});

/** PATCH /api/reviews/:id/members/:membershipId: change a member's role. */
export const ChangeRoleBodySchema = z.strictObject({
  role: RoleSchema,
  agencyId: IdSchema.nullable().optional(),
});

/** The error envelope every 4xx/5xx response uses. */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** The error envelope. */
export type ApiError = z.infer<typeof ApiErrorSchema>;
/** POST /api/reviews body. */
export type CreateReviewBody = z.infer<typeof CreateReviewBodySchema>;
/** POST /api/reviews/:id/agencies body. */
export type CreateAgencyBody = z.infer<typeof CreateAgencyBodySchema>;
/** POST /api/reviews/:id/invitations body. */
export type CreateInvitationBody = z.infer<typeof CreateInvitationBodySchema>;
