import { z } from 'zod';
import { RoleSchema } from '../../../shared/roles.js';
import { PartnerTypeSchema, ReviewKindSchema } from '../../../shared/schemas/records.js';

/**
 * The shapes of REST responses the client reads (docs/api.md). They list only the fields the pages use;
 * other fields are dropped, so a server that adds a field does not break the client.
 */

/** The signed-in user, as GET /api/me returns it. */
export const MeUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean().optional().default(false),
});

/** One membership of the signed-in user. */
export const MeMembershipSchema = z.object({
  id: z.string(),
  reviewId: z.string(),
  role: RoleSchema,
  agencyId: z.string().nullable().optional().default(null),
});

/** GET /api/me */
export const MeSchema = z.object({
  user: MeUserSchema,
  memberships: z.array(MeMembershipSchema).optional().default([]),
  /** The session's idle timeout, so the page can warn before it ends. */
  session: z.object({ idleSeconds: z.number().int().positive() }).optional(),
});

/** An agency of a review. */
export const AgencyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortCode: z.string(),
  partnerType: PartnerTypeSchema,
  colour: z.string(),
});

/** The review fields shown in lists and the overview. */
export const ReviewViewSchema = z.object({
  id: z.string(),
  kind: ReviewKindSchema,
  title: z.string(),
  childPseudonym: z.string(),
  referralDate: z.string().nullable().optional().default(null),
  periodStart: z.string().nullable().optional().default(null),
  periodEnd: z.string().nullable().optional().default(null),
  fictional: z.boolean().optional().default(false),
});

/** The caller's own membership of a review. */
export const OwnMembershipSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  agencyId: z.string().nullable().optional().default(null),
});

/** One entry of GET /api/reviews. */
export const ReviewListItemSchema = ReviewViewSchema.extend({
  role: RoleSchema,
  agencies: z.array(AgencyViewSchema).optional().default([]),
});

/** GET /api/reviews */
export const ReviewListSchema = z.object({ reviews: z.array(ReviewListItemSchema) });

/** GET /api/reviews/:id */
export const ReviewDetailSchema = z.object({
  review: ReviewViewSchema,
  agencies: z.array(AgencyViewSchema),
  membership: OwnMembershipSchema,
});

/** POST responses that create a record. */
export const CreatedSchema = z.object({ id: z.string() });

/** POST /api/reviews/:id/invitations */
export const InvitationCreatedSchema = z.object({ id: z.string(), inviteUrl: z.string(), token: z.string() });

/** GET /api/invitations/:token */
export const InvitationViewSchema = z.object({
  reviewTitle: z.string(),
  role: RoleSchema,
  email: z.string(),
});

/** POST /api/invitations/:token/accept */
export const InvitationAcceptedSchema = z.object({ reviewId: z.string() });

/** One member of a review, as GET /api/reviews/:id/members lists them. */
export const MemberSchema = z.object({
  id: z.string(),
  userId: z.string().optional(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  agencyId: z.string().nullable().optional().default(null),
  disabled: z.boolean().optional().default(false),
});

/** GET /api/reviews/:id/members */
export const MemberListSchema = z.object({ members: z.array(MemberSchema) });

/** One sent invitation, as GET /api/reviews/:id/invitations lists them (never its token). */
export const SentInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  agencyId: z.string().nullable(),
  sentAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(['pending', 'accepted', 'expired', 'revoked']),
});

/** GET /api/reviews/:id/invitations */
export const SentInvitationListSchema = z.object({ invitations: z.array(SentInvitationSchema) });

/** A sent invitation as the lead reviewer's list shows it. */
export type SentInvitation = z.infer<typeof SentInvitationSchema>;

/** The signed-in user and memberships. */
export type Me = z.infer<typeof MeSchema>;
/** An agency as the client shows it. */
export type AgencyView = z.infer<typeof AgencyViewSchema>;
/** A review as the client shows it. */
export type ReviewView = z.infer<typeof ReviewViewSchema>;
/** An entry of the reviews list. */
export type ReviewListItem = z.infer<typeof ReviewListItemSchema>;
/** A review with its agencies and the caller's membership. */
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;
/** A member of a review. */
export type Member = z.infer<typeof MemberSchema>;
/** What an invitation link offers. */
export type InvitationView = z.infer<typeof InvitationViewSchema>;
