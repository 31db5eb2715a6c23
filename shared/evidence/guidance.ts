/**
 * The guidance shown beside each section while an agency fills in its evidence: the learning
 * template's own guidance for completion (seed 002, Document 13, after Document 12's advice on
 * chronologies) and the guidance on completing an information report (Document 15a), in their words.
 */

/** Guidance beside the learning template's sections, by section kind. */
export const TEMPLATE_GUIDANCE: Record<'section-1' | 'section-2' | 'kloe' | 'event' | 'section-5', string> = {
  'section-1':
    'Complete once. If your agency provided several services to the child or family, merge them into one learning document. ' +
    'The author should be independent of the case and have the authority and competence to critically appraise safeguarding practice. ' +
    'The single agency learning summary should be signed off by the organisation at an executive level.',
  'section-2': 'A brief synopsis of your agency’s involvement with the child and their family, relevant to the terms of reference, before the review period.',
  kloe:
    'Complete for each key line of enquiry. Give the narrative with dates or timespan. Your analysis is crucial: reflect on practice ' +
    '“at the time”, give context (resources, staffing, handovers, policies, national context), management oversight, improvements made ' +
    'and still needed, multi-agency and cross-boundary working, and the evidence base. Recommendations are specific and overarching. ' +
    'Remember to pull out good practice and what worked well. If you uncover significant learning outside the terms of reference, ' +
    'alert your review team representative as soon as possible.',
  event: 'Complete for each significant event that falls outside the key lines of enquiry, with the same narrative, analysis, recommendation and good practice.',
  'section-5': 'A brief synopsis of your agency’s actions relating to the child and their family after the review period.',
};

/** Guidance beside the information report's sections (Document 15a). */
export const REPORT_GUIDANCE: Record<string, string> = {
  background:
    'Complete the report as a senior member of staff with no involvement in the case. A senior officer, also with no ' +
    'involvement, must quality assure and sign off the report before it is submitted.',
  q1: 'Say whether any internal, multi-agency or parallel process (a misconduct hearing, serious untoward incident, complaint investigation) relates to this case.',
  q2:
    'List every document reviewed, paper or electronic, and any that were not available and why. Supplement records with interviews of key ' +
    'staff; say where information came from an interview. Interview records are not submitted with the report.',
  q3:
    'Capture contextual information not included elsewhere: about the family or significant others, and organisational factors such as ' +
    'volume of work, staff turnover and sickness, organisational change, unallocated cases, supervision, budgets and training.',
  q4:
    'Critically analyse the events, decisions and actions taken or not taken, for practice and operational management: not only what ' +
    'happened but why. Address the key lines of enquiry and agency specific issues in the case summary.',
  q5: 'Identify examples of good practice.',
  q6: 'Are there lessons for how your agency safeguards children or manages risk? Where can practice improve? Implications for training, supervision, partnership working and resources?',
  q7: 'What actions will your agency take in response: those already implemented and those planned?',
  q8: 'What actions to improve multi-agency working should the review team consider?',
  q9: 'Anything else the lead reviewer and review team should know.',
};

/** The guidance for a learning template section key. */
export function templateGuidance(key: string): string {
  if (key.startsWith('kloe-')) return TEMPLATE_GUIDANCE.kloe;
  if (key.startsWith('event-')) return TEMPLATE_GUIDANCE.event;
  return TEMPLATE_GUIDANCE[key as 'section-1' | 'section-2' | 'section-5'] ?? '';
}
