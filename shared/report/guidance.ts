/**
 * Guidance prompts from Document 19 ("Guidance on drafting the report") and section 9.1.3 of the
 * regional toolkit, shown as removable italic text in the skeleton. Keys are stable section ids.
 */
export const GUIDANCE: Record<string, string> = {
  'executive-summary': 'An executive summary of no more than two A4 pages (National Panel recommendation). Write it last.',
  introduction: 'Why the review was commissioned, by whom, and what it set out to answer. Write in plain English with publication in mind.',
  'about-the-child': 'Give a sense of the child and what their daily life was like, so that the child\u2019s voice is considered. Keep intimate and personal detail to a minimum.',
  'terms-of-reference': 'The questions the review sought to answer, the time period, the agencies involved and the methods used.',
  'family-involvement': 'Where surviving children or family members have not contributed, say briefly why (section 9.1.5).',
  overview: 'A brief overview of what happened and the key circumstances, concise but sufficient to understand the learning. Avoid repeating events later in the analysis.',
  analysis:
    'Analyse why decisions were taken, including the conditions in which practice took place: ask the \u201csecond questions\u201d. Consider systems factors, how agencies worked together, and whether shortcomings are features of practice in general. Flag learning as \u201cLearning Point N\u201d.',
  'good-practice': 'Examples of good practice, at all levels.',
  'learning-points': 'The learning, identified separately and before any recommendations, each linked to its theme.',
  recommendations: 'Few, focused on improving practice, addressed to named organisations, saying how change will come about and how its effectiveness will be measured.',
  'action-plan': 'The action plan (Document 20): agreed actions, responsible person, timescale, progress with RAG rating and evidence of impact.',
};
