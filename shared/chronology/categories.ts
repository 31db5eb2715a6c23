import { z } from 'zod';

/** Key event categories from the Document 12 guidance, in its order. */
export const CATEGORIES = [
  'referral', 'assessment', 'strategy-discussion', 'child-protection-conference', 's47-enquiry', 'hospital-attendance',
  'house-move', 'household-change', 'police-incident-domestic-abuse', 'school-change-exclusion', 'missing-episode',
  'birth-death', 'other',
] as const;

/** A key event category. */
export const CategorySchema = z.enum(CATEGORIES);

/** A key event category. */
export type Category = z.infer<typeof CategorySchema>;

/** en-GB labels for categories. */
export const CATEGORY_LABELS: Record<Category, string> = {
  referral: 'Referral',
  assessment: 'Assessment',
  'strategy-discussion': 'Strategy discussion',
  'child-protection-conference': 'Child protection conference',
  's47-enquiry': 'S47 enquiry',
  'hospital-attendance': 'Hospital attendance',
  'house-move': 'House move',
  'household-change': 'Household change',
  'police-incident-domestic-abuse': 'Police incident or domestic abuse',
  'school-change-exclusion': 'School change or exclusion',
  'missing-episode': 'Missing episode',
  'birth-death': 'Birth or death',
  other: 'Other',
};

/** Contact with the child, as Document 10 asks ("state whether they were seen alone or not"). */
export const ChildContactSchema = z.enum(['none', 'seen', 'seen-alone', 'not-seen']);

/** Contact with the child. */
export type ChildContact = z.infer<typeof ChildContactSchema>;

/** en-GB labels for child contact. */
export const CHILD_CONTACT_LABELS: Record<ChildContact, string> = {
  none: 'No contact', seen: 'Seen, not alone', 'seen-alone': 'Seen alone', 'not-seen': 'Not seen',
};

/** Finds a category from free text ("S.47", "Strategy meeting", "A&E"), for imports; 'other' when unsure. */
export function categoryFromText(text: string): Category {
  const t = text.toLowerCase();
  const rules: [RegExp, Category][] = [
    [/refer/, 'referral'], [/assess/, 'assessment'], [/strateg/, 'strategy-discussion'],
    [/conference|icpc|rcpc/, 'child-protection-conference'], [/s\.?\s?47|section 47/, 's47-enquiry'],
    [/hospital|a&e|a and e|emergency dep|admi/, 'hospital-attendance'], [/house move|moved|move house|address/, 'house-move'],
    [/household|partner|family composition/, 'household-change'], [/police|domestic|incident/, 'police-incident-domestic-abuse'],
    [/school|exclu/, 'school-change-exclusion'], [/missing|abscond/, 'missing-episode'], [/birth|death|born|died/, 'birth-death'],
  ];
  return rules.find(([re]) => re.test(t))?.[1] ?? 'other';
}
