import { formatUkDate } from '../../dates.js';
import { familyTable } from '../family.js';
import type { Person } from '../../people.js';
import { RAG_LABELS, type ScopingForm } from '../scoping.js';
import { answer, textBlock, LIFECYCLE_MARKING, type DocBlock, type LifecycleDocument } from './model.js';
import { periodText } from './termsOfReferenceDocument.js';

/** What an agency's scoping letter and form are made from. */
export type ScopingDocumentInput = {
  partnership: string;
  agency: { name: string; shortCode: string };
  review: { title: string; periodStart: string | null; periodEnd: string | null };
  /** The date the form is due back (referral + the partnership's returns days), when known. */
  returnBy: string | null;
  people: readonly Person[];
  form: ScopingForm;
  todayIso: string;
};

const day = (iso: string | null) => (iso ? formatUkDate(iso) : '');

/**
 * The scoping request to one agency: the covering letter (Document 3, "Document 2a" in the issue)
 * and the initial scoping and information sharing form (Document 2) with the family composition
 * filled in from the people register, as the toolkit asks ("completed BEFORE the form is sent
 * out"), and the agency's own answers when it has given any.
 */
export function scopingDocument(input: ScopingDocumentInput): LifecycleDocument {
  const f = input.form;
  const due = input.returnBy ? formatUkDate(input.returnBy) : '[submission date]';
  const b: DocBlock[] = [
    { kind: 'lines', align: 'right', lines: [input.partnership, `Date: ${formatUkDate(input.todayIso)}`] },
    { kind: 'paragraph', text: `Dear Safeguarding Leads, ${input.agency.name},` },
    { kind: 'heading', level: 1, text: 'Child Safeguarding Practice Review: initial scoping and information sharing' },
    {
      kind: 'paragraph',
      text: 'We have received notification of a serious incident which may meet the criteria for a child safeguarding practice review. We will, therefore, be holding a Rapid Review to consider the case.',
    },
    {
      kind: 'paragraph',
      text: 'To inform the Rapid Review meeting, we need to gather the basic facts about the case and determine the extent of agency involvement with the child and/or any family members. This will help the safeguarding partners decide whether to undertake a formal child safeguarding practice review and to determine the most appropriate method to identify and cascade learning from this case.',
    },
    { kind: 'paragraph', text: 'We are initially asking agencies to:' },
    {
      kind: 'numbered',
      empty: '',
      items: [
        'Clarify whether your organisation had any involvement with the subject child and/or named individuals within the family composition outlined in Section 1 of the attached form.',
        'Complete the attached initial scoping and information sharing form if you have had any involvement with the subject child or a member of their family.',
        'Secure all records and files in relation to this case, ensuring that they are removed to a secure place where they are not accessible to agency personnel other than through you or your nominated representatives.',
        'Keep your agency’s submission in relation to this case separate from the case records and files.',
      ],
    },
    { kind: 'paragraph', text: 'If the child or family is not known to your organisation, please confirm this in writing.' },
    {
      kind: 'paragraph',
      text: `We are required to hold the Rapid Review meeting and agree the way forward within timescales outlined in national guidance (currently within 15 working days). This form should, therefore, be returned to us within 5 working days. In this case this will be ${due}.`,
    },
    { kind: 'paragraph', text: 'Yours sincerely,' },
    { kind: 'lines', lines: [input.partnership] },
    { kind: 'paragraph', text: 'Enc: Initial scoping and information sharing form' },

    { kind: 'title', text: 'Initial scoping and information sharing' },
    { kind: 'paragraph', text: `Potential Child Safeguarding Practice Review: ${input.review.title}. To be returned by ${due}.` },
    { kind: 'heading', level: 2, text: 'Contact details of the person completing this form' },
    {
      kind: 'fields',
      rows: [
        { label: 'Name', value: answer(f.completedBy) },
        { label: 'Agency and designation or title', value: answer([input.agency.name, f.designation].filter((x) => x.trim()).join(', ')) },
      ],
    },
    { kind: 'heading', level: 2, text: 'Background information' },
    { kind: 'fields', rows: [{ label: 'Indicative time period to be looked at', value: answer(periodText(input.review.periodStart, input.review.periodEnd)) }] },
    {
      kind: 'paragraph',
      style: 'guidance',
      text: 'Good practice suggests that the time period examined should be limited. However, please include information from outside this time period if you feel it is relevant to the case.',
    },
    { kind: 'heading', level: 1, text: 'Section 1: Composition of the child’s family' },
    { kind: 'paragraph', style: 'guidance', text: 'Please check whether the details below match the information held on your systems, and advise of any anomalies.' },
    {
      kind: 'table',
      header: ['Name and address', 'Relationship to child', 'Date of birth', 'Ethnicity', 'NHS number'],
      empty: 'No one is recorded in the people register',
      rows: familyTable(input.people).map((r) => {
        const person = input.people.find((p) => p.id === r.personId);
        return [[r.name, ...r.addresses].join('\n'), r.relationship, day(r.dateOfBirth), r.ethnicity, person?.nhsNumber ?? ''];
      }),
    },
    { kind: 'heading', level: 1, text: 'Section 2: Agency information and involvement' },
    { kind: 'heading', level: 2, text: '1. Summary of your agency’s involvement with the subject child and the individuals listed in Section 1' },
    textBlock(f.summaryOfInvolvement),
    { kind: 'heading', level: 2, text: '3. Brief analysis of individual and multi-agency practice' },
    textBlock(f.briefAnalysis),
    { kind: 'heading', level: 2, text: '4. Areas of concern about the way partners have worked together to safeguard the subject child' },
    textBlock(f.partnershipConcerns),
    { kind: 'heading', level: 2, text: '5. Learning identified and action taken' },
    {
      kind: 'table',
      header: ['Learning point', 'Action required', 'Lead', 'Target date', 'Evidence of progress', 'RAG'],
      empty: 'No learning actions recorded',
      rows: f.learningActions.map((l) => [l.learningPoint, l.actionRequired, l.lead, day(l.targetDate), l.evidence, RAG_LABELS[l.rag]]),
    },
    { kind: 'heading', level: 2, text: '6. Involvement of other agencies' },
    textBlock(f.otherAgencies),
    { kind: 'heading', level: 2, text: '7. Further relevant information for the Rapid Review meeting' },
    textBlock(f.furtherInformation),
    { kind: 'paragraph', style: 'guidance', text: 'This form can be completed online in Review Room by your agency’s author.' },
  ];
  return {
    title: 'Initial scoping and information sharing',
    filename: `scoping-${input.agency.shortCode.toLowerCase().replace(/[^a-z0-9]/g, '-')}.docx`,
    marking: LIFECYCLE_MARKING,
    blocks: b,
  };
}
