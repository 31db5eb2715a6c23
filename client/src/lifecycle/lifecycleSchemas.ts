import { z } from 'zod';
import { MilestoneKeySchema } from '../../../shared/milestones/index.js';
import { RoleSchema } from '../../../shared/roles.js';
import { PartnerTypeSchema, ReviewKindSchema } from '../../../shared/schemas/records.js';
import { RapidReviewContentSchema, ScopingFormSchema, ScopingStatusSchema, TermsOfReferenceContentSchema } from '../../../shared/lifecycle/index.js';

/** Shapes of the lifecycle REST responses the client reads (docs/api.md, "Lifecycle"). */

const Iso = z.string();

/** A milestone with today's status, as the server sends it. */
export const MilestoneViewSchema = z.object({
  key: MilestoneKeySchema,
  label: z.string(),
  opens: Iso.nullable(),
  due: Iso,
  doneOn: Iso.nullable(),
  status: z.enum(['done', 'due', 'overdue', 'upcoming']),
  workingDaysLeft: z.number().nullable(),
});

/** A timetable: working days for each Rapid Review step. */
export const TimetableSchema = z.object({ scopingDays: z.number(), returnsDays: z.number(), meetingFromDay: z.number(), meetingToDay: z.number() });

/** GET /api/lifecycle/settings */
export const SettingsSchema = z.object({ partnership: z.string(), rapidReview: TimetableSchema, defaults: TimetableSchema, statutoryWorkingDays: z.number() });

/** GET /api/lifecycle/dashboard */
export const DashboardSchema = z.object({
  today: Iso,
  summary: z.object({ overdue: z.number(), dueNow: z.number(), total: z.number() }),
  rows: z.array(
    z.object({
      reviewId: z.string(),
      title: z.string(),
      kind: ReviewKindSchema,
      role: RoleSchema,
      fictional: z.boolean(),
      problem: z.enum(['no-referral-date', 'no-decision-date', 'outside-calendar']).nullable(),
      next: MilestoneViewSchema.nullable(),
      overdueCount: z.number(),
      /** Evidence requests as milestones (issue 16). */
      evidence: z
        .object({
          total: z.number(),
          overdueCount: z.number(),
          next: z.object({ label: z.string(), due: Iso, status: z.enum(['done', 'overdue', 'due', 'upcoming']), workingDaysLeft: z.number().nullable() }).nullable(),
        })
        .optional(),
    }),
  ),
});

/** GET and PUT /api/reviews/:id/lifecycle/milestones */
export const ReviewMilestonesSchema = z.object({
  review: z.object({ kind: ReviewKindSchema, referralDate: Iso.nullable() }),
  plan: z.object({
    decisionDate: Iso.nullable(),
    publicationDate: Iso.nullable(),
    completed: z.partialRecord(MilestoneKeySchema, Iso),
    version: z.number(),
  }),
  config: TimetableSchema,
  mayEdit: z.boolean(),
  today: Iso,
  milestones: z.array(MilestoneViewSchema),
  problem: z.string().nullable(),
  problemLabel: z.string().nullable(),
});

/** An agency in lifecycle responses. */
export const LifecycleAgencySchema = z.object({ id: z.string(), name: z.string(), shortCode: z.string(), partnerType: PartnerTypeSchema, colour: z.string() });

/** One row of the family table. */
export const FamilyRowSchema = z.object({
  personId: z.string(),
  name: z.string(),
  addresses: z.array(z.string()),
  relationship: z.string(),
  dateOfBirth: Iso.nullable(),
  ethnicity: z.string(),
  otherInformation: z.string(),
  isSubject: z.boolean(),
});

/** An agency's scoping as the server sends it. */
export const ScopingViewSchema = z.object({
  status: ScopingStatusSchema,
  requestedOn: Iso.nullable(),
  returnedOn: Iso.nullable(),
  notKnownOn: Iso.nullable(),
  form: ScopingFormSchema,
  version: z.number(),
  updatedAt: z.string().nullable(),
});

/** GET /api/reviews/:id/lifecycle/scoping */
export const ScopingListSchema = z.object({
  agencies: z.array(z.object({ agency: LifecycleAgencySchema, scoping: ScopingViewSchema })),
  family: z.array(FamilyRowSchema),
  /** People register records that could not be read and are missing from `family`. */
  skipped: z.number().int().nonnegative(),
});

/** PUT .../scoping/:agencyId/status and /form */
export const ScopingSavedSchema = z.object({ agency: LifecycleAgencySchema, scoping: ScopingViewSchema });

/** GET and PUT /api/reviews/:id/lifecycle/rapid-review */
export const RapidReviewViewSchema = z.object({
  version: z.number(),
  updatedAt: z.string().nullable(),
  content: RapidReviewContentSchema,
  review: z.object({ title: z.string(), childPseudonym: z.string(), referralDate: Iso.nullable() }),
  agencies: z.array(LifecycleAgencySchema),
  family: z.array(FamilyRowSchema),
  child: z.object({ name: z.string(), dateOfBirthAndAge: z.string(), ethnicity: z.string(), gender: z.string() }),
  scoping: z.object({
    returned: z.array(z.object({ agencyName: z.string(), returnedOn: Iso.nullable(), form: ScopingFormSchema })),
    notKnown: z.array(z.object({ agencyName: z.string(), on: Iso.nullable() })),
    outstanding: z.array(z.object({ agencyName: z.string(), status: ScopingStatusSchema })),
    involvementText: z.string(),
    documentationText: z.string(),
  }),
  mayEdit: z.boolean(),
  /** People register records that could not be read and are missing from `family` and `child`. */
  skipped: z.number().int().nonnegative(),
});

/** GET and PUT /api/reviews/:id/lifecycle/terms-of-reference */
export const TermsOfReferenceViewSchema = z.object({
  version: z.number(),
  updatedAt: z.string().nullable(),
  content: TermsOfReferenceContentSchema,
  review: z.object({ title: z.string(), periodStart: Iso.nullable(), periodEnd: Iso.nullable() }),
  proposedKloes: z.array(z.string()),
  mayEdit: z.boolean(),
});

/** A dashboard response. */
export type Dashboard = z.infer<typeof DashboardSchema>;
/** A milestone with today's status. */
export type MilestoneViewData = z.infer<typeof MilestoneViewSchema>;
/** A review's milestones response. */
export type ReviewMilestonesData = z.infer<typeof ReviewMilestonesSchema>;
/** The scoping list response. */
export type ScopingList = z.infer<typeof ScopingListSchema>;
/** An agency's scoping. */
export type ScopingView = z.infer<typeof ScopingViewSchema>;
/** A lifecycle agency. */
export type LifecycleAgency = z.infer<typeof LifecycleAgencySchema>;
/** A family table row. */
export type FamilyRowData = z.infer<typeof FamilyRowSchema>;
/** The Rapid Review response. */
export type RapidReviewView = z.infer<typeof RapidReviewViewSchema>;
/** The terms of reference response. */
export type TermsOfReferenceView = z.infer<typeof TermsOfReferenceViewSchema>;
/** The settings response. */
export type Settings = z.infer<typeof SettingsSchema>;
