import { z } from 'zod';

/**
 * Key event categories, from the examples in the regional toolkit's guidance on completing the
 * chronologies (seed 002, Document 12). They drive filtering and the timeline legend; a row that
 * fits none is 'other'.
 */
export const CHRONOLOGY_CATEGORIES = [
  'referral',
  'assessment',
  'strategy-discussion',
  'child-protection-conference',
  's47-enquiry',
  'hospital-attendance',
  'house-move',
  'household-change',
  'police-incident',
  'school-change',
  'missing-episode',
  'birth-or-death',
  'other',
] as const;

/** A key event category. */
export const ChronologyCategorySchema = z.enum(CHRONOLOGY_CATEGORIES);

/** A key event category. */
export type ChronologyCategory = z.infer<typeof ChronologyCategorySchema>;

/** What each category is called on screen and in exports (en-GB, sentence case). */
export const CATEGORY_LABELS: Record<ChronologyCategory, string> = {
  referral: 'Referral',
  assessment: 'Assessment',
  'strategy-discussion': 'Strategy discussion',
  'child-protection-conference': 'Child protection conference',
  's47-enquiry': 'Section 47 enquiry',
  'hospital-attendance': 'Hospital attendance',
  'house-move': 'House move',
  'household-change': 'Change in household',
  'police-incident': 'Police incident or domestic abuse',
  'school-change': 'School change or exclusion',
  'missing-episode': 'Missing episode',
  'birth-or-death': 'Birth or death',
  other: 'Other',
};

/** What each category covers, paraphrasing Document 12, for hints next to the category picker. */
export const CATEGORY_DESCRIPTIONS: Record<ChronologyCategory, string> = {
  referral: 'Contacts, referrals and self-referrals about the child or family, including referrals to other agencies or teams',
  assessment: 'Assessments undertaken',
  'strategy-discussion': 'Strategy discussions and meetings',
  'child-protection-conference': 'Initial and review child protection conferences',
  's47-enquiry': 'Child protection enquiries under section 47 of the Children Act 1989',
  'hospital-attendance': 'Attendance at or admission to hospital, including injuries',
  'house-move': 'Moves of home',
  'household-change': 'Changes in family composition: new partners, separations, others moving into the home',
  'police-incident': 'Police logs of incidents at the home or involving family members, including domestic abuse',
  'school-change': 'Changes of school and school exclusions',
  'missing-episode': 'The child going missing from home or care',
  'birth-or-death': 'Births, deaths and serious illness in the family',
  other: 'Any other key event',
};

/** Extra names people use for a category, lower case, so typed and imported values land in the right place. */
const ALIASES: Record<string, ChronologyCategory> = {
  s47: 's47-enquiry',
  'section 47': 's47-enquiry',
  's47 enquiry': 's47-enquiry',
  'section 47 investigation': 's47-enquiry',
  'child protection enquiry': 's47-enquiry',
  'cp conference': 'child-protection-conference',
  icpc: 'child-protection-conference',
  rcpc: 'child-protection-conference',
  'strategy meeting': 'strategy-discussion',
  'household change': 'household-change',
  'new partner': 'household-change',
  'police incident': 'police-incident',
  'domestic abuse': 'police-incident',
  'school change': 'school-change',
  'school exclusion': 'school-change',
  exclusion: 'school-change',
  missing: 'missing-episode',
  'missing from home': 'missing-episode',
  'a&e attendance': 'hospital-attendance',
  'hospital admission': 'hospital-attendance',
  birth: 'birth-or-death',
  death: 'birth-or-death',
  'change of address': 'house-move',
};

/** Reads a category from its key, its label or a common alias (case-insensitive); null when unknown. */
export function parseCategory(text: string): ChronologyCategory | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t) return null;
  for (const c of CHRONOLOGY_CATEGORIES) {
    if (c === t || CATEGORY_LABELS[c].toLowerCase() === t) return c;
  }
  return ALIASES[t] ?? null;
}
