/** Review milestones: Rapid Review and LCSPR deadlines, and which one a dashboard shows next. */
export {
  MILESTONE_KEYS,
  MILESTONE_LABELS,
  MilestoneKeySchema,
  MilestoneSchema,
  CompletedMilestonesSchema,
  DUE_SOON_WORKING_DAYS,
  milestone,
  milestoneStatus,
  nextMilestone,
  workingDaysLeft,
  type CompletedMilestones,
  type Milestone,
  type MilestoneKey,
  type MilestoneStatus,
  type NextMilestone,
} from './milestone.js';
export {
  RAPID_REVIEW_WORKING_DAYS,
  RapidReviewConfigSchema,
  RapidReviewInputSchema,
  DEFAULT_RAPID_REVIEW_CONFIG,
  rapidReviewMilestones,
  type RapidReviewConfig,
  type RapidReviewInput,
} from './rapidReview.js';
export {
  LCSPR_COMPLETION_MONTHS,
  LCSPR_REPORT_WORKING_DAYS_BEFORE_PUBLICATION,
  LcsprInputSchema,
  lcsprMilestones,
  type LcsprInput,
} from './lcspr.js';
