/**
 * Defaults from the regional toolkit: the Reflective Learning Workshop agenda (Document 18) and the
 * worksheets (Document 18a). Every one is editable per workshop; these only prefill it.
 */

/** Document 18's agenda, as items with a start time, a title and who leads. */
export const DEFAULT_AGENDA: { time: string; title: string; lead: string }[] = [
  { time: '09:45', title: 'Registration', lead: '' },
  { time: '10:00', title: 'Welcome and introductions', lead: 'Lead reviewer' },
  { time: '10:05', title: 'Purpose of the session and principles for working together', lead: 'Lead reviewer' },
  { time: '10:20', title: 'Terms of reference, methodology, overview of the case and the child\u2019s lived experience', lead: 'Lead reviewer' },
  { time: '11:00', title: 'Agency involvement with the case: who knew what when? What is new? Any surprises?', lead: 'All' },
  { time: '11:30', title: 'Break', lead: '' },
  { time: '11:45', title: 'Key lines of enquiry and questions: identify key issues for improving practice', lead: 'All' },
  { time: '12:40', title: 'Summary of key feedback points and any other reflections', lead: 'Lead reviewer' },
  { time: '13:00', title: 'Evaluation and close', lead: 'Lead reviewer' },
];

/** Document 18a's confidentiality statement, accepted before anything else is shown. */
export const CONFIDENTIALITY_STATEMENT =
  'I understand that the information about this case and in the meeting in which I shall take part remains highly confidential. ' +
  'I will not store it, or share it, in any form, except for conversation with those in my agency or the Partnership who have a right to know.';

/** What participants are told about their responses (Document 18a), made true by the code. */
export const ANONYMITY_PROMISE =
  'Only the review panel will see your responses. The panel will not see who has shared what: responses carry no name, ' +
  'account, device details or time, and are shown only in groups. If a court of law asks for them, they may be disclosable.';

/** Worksheet 1, completed before the meeting. */
export const WORKSHEET_1 = [
  'What was your role in this case?',
  'Thinking back to your involvement at the time, what did you think the key issues were in supporting and safeguarding the child? Challenges and strengths? Systems issues?',
  'What worked well and why?',
  'Were there any problems in service delivery? If so, what were they and what caused them? Have they now been resolved? If so, how?',
  'Have you reflected on the case and your involvement, or the involvement of others, since the outcome? If so, what have you thought, learned or asked?',
];

/** Worksheet 2, asked beside each shared phase of the timeline. */
export const WORKSHEET_2 = 'Please note any inaccuracies, gaps or explanations for this phase, and any learning or questions arising from it.';

/** Worksheet 3, asked for each proposed lesson. */
export const WORKSHEET_3 = 'Does this lesson match your experience? Is it accurate and reasonable? Does it apply to just this case or more widely? Are there additional lessons?';

/** Worksheet 4, feedback at the close (question 6, speaking privately, is a separate channel). */
export const WORKSHEET_4 = [
  'Did you have enough information in advance to explain the purpose and process of the meeting? (Too much?)',
  'Could anything more have been done to help you prepare?',
  'Were you supported? What helped that or what prevented that?',
  'Were you able to contribute to the meeting? What helped and what hindered?',
  'Do you have any additional thoughts that could have improved this process?',
];
