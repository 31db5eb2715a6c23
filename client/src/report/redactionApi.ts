import { z } from 'zod';

/** The redaction review's API path for one review. */
export const redactionPaths = {
  review: (reviewId: string, output: RedactionOutputName) => `/api/reviews/${encodeURIComponent(reviewId)}/export/redaction-review?output=${output}`,
  decisions: (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/export/redaction-review/decisions`,
};

/** Which output is under review. */
export type RedactionOutputName = 'report' | 'chronology' | 'workshop';

const Context = { id: z.string(), text: z.string(), place: z.string(), kind: z.string(), before: z.string(), after: z.string(), occurrences: z.number() };

/** GET …/redaction-review: every replacement and flag, in context. */
export const RedactionReviewSchema = z.object({
  replacements: z.array(z.object({ ...Context, replacement: z.string(), decided: z.boolean().optional() })),
  flags: z.array(z.object({ ...Context, suggestion: z.string(), decided: z.boolean() })),
  allowlist: z.array(z.string()),
});

/** The redaction review as the screen reads it. */
export type RedactionReviewData = z.infer<typeof RedactionReviewSchema>;

/** What a kind of finding is called on screen. */
export const KIND_NAMES: Record<string, string> = {
  'full-name': 'full name',
  alias: 'alias',
  'first-name': 'first name',
  surname: 'surname',
  initials: 'initials',
  email: 'email address',
  handle: 'social-media handle',
  link: 'link',
  'user-name': 'user name',
  phone: 'phone number',
  'nhs-number': 'NHS number',
  postcode: 'postcode',
  address: 'address',
  'date-of-birth': 'date of birth',
  'titled-name': 'name after a title',
  'speech-name': 'name beside a verb of speech',
  nickname: 'nickname',
};
