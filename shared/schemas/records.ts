import { z } from 'zod';
import { safeString } from '../text.js';
import { IdSchema } from '../ids.js';
import { IsoDateSchema } from '../dates.js';
import { RoleSchema } from '../roles.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../limits.js';

/**
 * Records are the small, relational facts of the workspace (who may see what). They live in the record
 * store. Case content (people, chronologies, genograms) lives in Yjs documents instead.
 */

/** A short, single-line label, trimmed. */
export const LabelSchema = safeString().trim().min(1, 'is required').max(MAX_LABEL_CHARS);

/** A longer free-text field. */
export const TextSchema = safeString().max(MAX_TEXT_CHARS);

/** An email address, lower-cased so that look-ups are case-insensitive. */
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254));

/**
 * The audit chain's head as last checkpointed (id 'head'): its entry number, hash and when it was
 * taken, kept in the record store so that cutting lines off the audit log shows (docs/security.md).
 */
export const AuditCheckpointSchema = z.strictObject({
  id: z.literal('head'),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().max(40),
});

/** An audit checkpoint record. */
export type AuditCheckpointRecord = z.infer<typeof AuditCheckpointSchema>;

/** Kinds of review (DOMAIN.md). */
export const ReviewKindSchema = z.enum(['rapid-review', 'lcspr']);

/** Partner types; the Rapid Review quorum needs ICB, police and local authority. */
export const PartnerTypeSchema = z.enum(['local-authority', 'police', 'health-icb', 'education', 'other']);

/** Human labels for partner types. */
export const PARTNER_TYPE_LABELS: Record<z.infer<typeof PartnerTypeSchema>, string> = {
  'local-authority': 'Local authority',
  police: 'Police',
  'health-icb': 'Health / ICB',
  education: 'Education',
  other: 'Other',
};

/** The safeguarding partnership that runs the installation. */
export const PartnershipSchema = z.object({ id: IdSchema, name: LabelSchema });

/** A person who can sign in. */
export const UserSchema = z.object({
  id: IdSchema,
  email: EmailSchema,
  name: LabelSchema,
  passwordHash: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

/** A review: a Rapid Review or an LCSPR. */
export const ReviewSchema = z.object({
  id: IdSchema,
  kind: ReviewKindSchema,
  title: LabelSchema,
  childPseudonym: LabelSchema,
  referralDate: IsoDateSchema.nullable(),
  periodStart: IsoDateSchema.nullable(),
  periodEnd: IsoDateSchema.nullable(),
  /** True for the seeded demo, which the UI marks as fictional. */
  fictional: z.boolean(),
  createdAt: z.string(),
  createdBy: IdSchema,
});

/** An agency taking part in a review. */
export const AgencySchema = z.object({
  id: IdSchema,
  reviewId: IdSchema,
  name: LabelSchema,
  shortCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9&]{1,8}$/, 'must be 1-8 letters or digits'),
  partnerType: PartnerTypeSchema,
  colour: z.string().regex(/^#[0-9a-f]{6}$/),
});

/** The senior lead's designation ("Head of Safeguarding"), recorded on their membership. */
export const SeniorLeadSchema = z.strictObject({ designation: LabelSchema });

/** A user's role in one review; agency authors are bound to one agency. */
export const MembershipSchema = z.object({
  id: IdSchema,
  reviewId: IdSchema,
  userId: IdSchema,
  role: RoleSchema,
  agencyId: IdSchema.nullable(),
  /**
   * Set when this member is their agency's senior lead (seed 002 Document 13, "Senior agency lead"):
   * their designation, shown with their account's name where they endorse. Absent on older records.
   */
  seniorLead: SeniorLeadSchema.nullable().optional(),
});

/** A single-use invitation; only a hash of the token is stored. */
export const InvitationSchema = z.object({
  id: IdSchema,
  reviewId: IdSchema,
  email: EmailSchema,
  role: RoleSchema,
  agencyId: IdSchema.nullable(),
  tokenHash: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  createdBy: IdSchema,
  /** When it was sent; absent on invitations made before this was kept. */
  createdAt: z.string().optional(),
  /** When the lead reviewer revoked it; the link then fails. Absent or null while not revoked. */
  revokedAt: z.string().nullable().optional(),
});

/** A sign-in session; the cookie holds the token, the store only its hash. */
export const SessionSchema = z.object({
  idHash: z.string(),
  userId: IdSchema,
  createdAt: z.number(),
  lastSeenAt: z.number(),
});

/** A partnership record. */
export type Partnership = z.infer<typeof PartnershipSchema>;
/** A user record. */
export type User = z.infer<typeof UserSchema>;
/** A review record. */
export type Review = z.infer<typeof ReviewSchema>;
/** An agency record. */
export type Agency = z.infer<typeof AgencySchema>;
/** A membership record. */
export type Membership = z.infer<typeof MembershipSchema>;
/** An invitation record. */
export type Invitation = z.infer<typeof InvitationSchema>;
/** A session record. */
export type Session = z.infer<typeof SessionSchema>;
/** A partner type. */
export type PartnerType = z.infer<typeof PartnerTypeSchema>;
/** A review kind. */
export type ReviewKind = z.infer<typeof ReviewKindSchema>;
