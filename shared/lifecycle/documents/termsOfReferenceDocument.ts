import { formatUkDate } from '../../dates.js';
import type { TermsOfReferenceContent } from '../termsOfReference.js';
import { answer, textBlock, LIFECYCLE_MARKING, type DocBlock, type LifecycleDocument } from './model.js';

/** What the terms of reference document is made from. */
export type TermsOfReferenceDocumentInput = {
  review: { title: string; periodStart: string | null; periodEnd: string | null };
  content: TermsOfReferenceContent;
};

/** The standard introduction of Document 7, section 1. */
export const TOR_INTRODUCTION = [
  'The aim of this review is to identify improvements that can be made to better safeguard children and to prevent, or reduce the risk, of recurrence of similar incidents.',
  'The review will undertake a rigorous and objective analysis of what happened and why. It will consider whether there are systematic issues, and whether and how policy and practice need to change.',
  'It should be noted that the review is not being conducted to hold individuals, organisations or agencies to account as there are separate processes for this.',
];

const day = (iso: string | null) => (iso ? formatUkDate(iso) : '');

/** The time period in words, DD/MM/YYYY to DD/MM/YYYY. */
export function periodText(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  return `${start ? formatUkDate(start) : 'not set'} to ${end ? formatUkDate(end) : 'not set'}`;
}

/** The terms of reference of an LCSPR (Document 7), numbered by section. */
export function termsOfReferenceDocument(input: TermsOfReferenceDocumentInput): LifecycleDocument {
  const t = input.content;
  const b: DocBlock[] = [];
  const section = (n: number, title: string) => b.push({ kind: 'heading', level: 1, text: `${n}. ${title}` });
  const sub = (title: string, text: string) => {
    b.push({ kind: 'heading', level: 2, text: title });
    b.push(textBlock(text));
  };

  b.push({ kind: 'title', text: 'Local Child Safeguarding Practice Review: Terms of Reference' });
  b.push({
    kind: 'fields',
    rows: [
      { label: 'Child reference', value: answer(t.childReference || input.review.title) },
      { label: 'Date', value: answer(day(t.date)) },
    ],
  });
  section(1, 'Introduction');
  for (const p of TOR_INTRODUCTION) b.push({ kind: 'paragraph', text: p });
  section(2, 'Case summary');
  sub('Summary of serious incident', t.incidentSummary);
  sub('Information about the family', t.familyInformation);
  section(3, 'Review team');
  b.push({ kind: 'fields', rows: [{ label: 'Lead reviewer', value: answer(t.leadReviewerName) }] });
  b.push({
    kind: 'table',
    header: ['Name', 'Organisation', 'Specific responsibilities'],
    empty: 'No review team members recorded',
    rows: t.teamMembers.map((m) => [m.name, m.organisation, m.responsibilities]),
  });
  section(4, 'Scope of the review');
  b.push({ kind: 'fields', rows: [{ label: 'Time period to be considered', value: answer(periodText(input.review.periodStart, input.review.periodEnd)) }] });
  sub('Rationale for the time period', t.periodRationale);
  b.push({ kind: 'heading', level: 2, text: 'Key issues to be addressed by the review (key lines of enquiry)' });
  b.push({ kind: 'numbered', items: t.keyLinesOfEnquiry, empty: 'None agreed yet' });
  section(5, 'Plans to involve children and family members');
  b.push(textBlock(t.familyInvolvement));
  section(6, 'Methodology');
  sub('Chronologies', t.chronologies);
  sub('Learning template or information report', t.learningTemplate);
  sub('Reflective learning workshop or feedback session', t.workshop);
  section(7, 'Legal considerations');
  sub('Parallel investigations', t.parallelInvestigations);
  sub('Legal advice', t.legalAdvice);
  section(8, 'Other considerations');
  b.push(textBlock(t.otherConsiderations));
  section(9, 'Timeline and key dates');
  b.push({ kind: 'table', header: ['Date', 'Milestone'], empty: 'No key dates recorded', rows: t.keyDates.map((k) => [day(k.date), k.milestone]) });
  return { title: 'Terms of Reference', filename: 'terms-of-reference.docx', marking: LIFECYCLE_MARKING, blocks: b };
}
