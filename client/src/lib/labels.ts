import type { ReviewKind } from '../../../shared/schemas/records.js';

/** Short names for review kinds, as people in the field say them. */
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  'rapid-review': 'Rapid Review',
  lcspr: 'LCSPR',
};

/** Longer descriptions for the create-review choices. */
export const REVIEW_KIND_HINTS: Record<ReviewKind, string> = {
  'rapid-review': 'Completed within 15 working days of the referral or notification.',
  lcspr: 'Local child safeguarding practice review, usually completed within six months.',
};

/** Shows an optional ISO date as DD/MM/YYYY, or a dash-free phrase when it is not recorded. */
export function showDate(iso: string | null | undefined, missing = 'Not recorded'): string {
  if (!iso) return missing;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
