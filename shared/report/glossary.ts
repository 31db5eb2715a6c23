/** Acronyms common in safeguarding reports and their expansions (en-GB). */
export const GLOSSARY: Record<string, string> = {
  'A&E': 'Accident and Emergency department',
  CAMHS: 'Child and Adolescent Mental Health Services',
  CIN: 'Child in Need',
  CP: 'Child Protection',
  CPP: 'Child Protection Plan',
  CSC: 'Children\u2019s Social Care',
  DA: 'Domestic Abuse',
  DfE: 'Department for Education',
  DHR: 'Domestic Homicide Review',
  ED: 'Emergency Department',
  GP: 'General Practitioner',
  HV: 'Health Visitor',
  ICB: 'Integrated Care Board',
  ICPC: 'Initial Child Protection Conference',
  KLOE: 'Key Line of Enquiry',
  LA: 'Local Authority',
  LADO: 'Local Authority Designated Officer',
  LCSPR: 'Local Child Safeguarding Practice Review',
  MARAC: 'Multi-Agency Risk Assessment Conference',
  MASH: 'Multi-Agency Safeguarding Hub',
  NHS: 'National Health Service',
  RCPC: 'Review Child Protection Conference',
  RLW: 'Reflective Learning Workshop',
  S47: 'Section 47 (Children Act 1989) enquiry',
  SENCO: 'Special Educational Needs Co-ordinator',
  TAF: 'Team Around the Family',
};

/** The acronyms from the glossary that the text actually uses, in alphabetical order. */
export function usedAcronyms(text: string): { acronym: string; meaning: string }[] {
  return Object.keys(GLOSSARY)
    .filter((a) => new RegExp(`(?<![\\p{L}\\p{N}])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text))
    .sort((a, b) => a.localeCompare(b, 'en-GB'))
    .map((acronym) => ({ acronym, meaning: GLOSSARY[acronym]! }));
}
