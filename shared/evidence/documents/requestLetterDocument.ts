import { formatUkDate } from '../../dates.js';
import { answer, textBlock, LIFECYCLE_MARKING, type DocBlock, type LifecycleDocument } from '../../lifecycle/documents/model.js';
import { periodText } from '../../lifecycle/documents/termsOfReferenceDocument.js';
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS, type EvidenceKind, type RequestLetter } from '../kinds.js';

/** What a request letter is made from. */
export type RequestLetterInput = {
  letter: RequestLetter;
  partnership: string;
  agency: { name: string; shortCode: string };
  /** The child as the letter names them (the terms of reference's reference, else the review's pseudonym). */
  childName: string;
  /** The kinds this letter asks this agency for, and the latest due date among them. */
  kinds: readonly EvidenceKind[];
  dueOn: string;
  /** The case summary (terms of reference, section 2), the period and the key lines of enquiry. */
  caseSummary: string;
  familyInformation: string;
  periodStart: string | null;
  periodEnd: string | null;
  keyLinesOfEnquiry: readonly string[];
  signatory: string;
  todayIso: string;
};

/**
 * The request letter to one agency with its case summary: Document 11 (chronologies: key events and
 * organisational changes) or Document 15 (learning template or information report), in the toolkit's
 * words, with the deadline and the case summary filled in. It carries real names and is marked
 * OFFICIAL-SENSITIVE; it goes to the agency's safeguarding lead, never to publication.
 */
export function requestLetterDocument(input: RequestLetterInput): LifecycleDocument {
  const due = formatUkDate(input.dueOn);
  const kinds = EVIDENCE_KINDS.filter((k) => input.kinds.includes(k));
  const asked = kinds.map((k) => EVIDENCE_KIND_LABELS[k].toLowerCase());
  const withArticle = kinds.map((k) => (k === 'information-report' ? 'an information report' : `a ${EVIDENCE_KIND_LABELS[k].toLowerCase()}`));
  const isChronology = input.letter === 'chronology';
  const b: DocBlock[] = [
    { kind: 'lines', align: 'right', lines: [input.partnership, `Date: ${formatUkDate(input.todayIso)}`] },
    { kind: 'paragraph', text: `Dear Safeguarding Lead, ${input.agency.name},` },
    { kind: 'heading', level: 1, text: isChronology ? 'Request to complete chronologies for a safeguarding review' : `Request to complete ${withArticle.join(' and ')}` },
  ];
  if (isChronology) {
    b.push(
      {
        kind: 'paragraph',
        text: `We are undertaking a local Child Safeguarding Practice Review concerning ${input.childName}. The first stage of the review process is for each agency to complete:`,
      },
      {
        kind: 'numbered',
        empty: '',
        items: kinds.map((k) =>
          k === 'key-events-chronology'
            ? 'a chronology of your agency’s involvement with the child and/or their family members'
            : 'a chronology of organisational changes that may have impacted on frontline practice',
        ),
      },
      { kind: 'paragraph', text: 'Individual agency chronologies will be collated to produce an integrated chronology which will be used to inform potential learning.' },
    );
  } else {
    b.push(
      {
        kind: 'paragraph',
        text: `We are undertaking a local Child Safeguarding Practice Review concerning ${input.childName}. To support this, we are asking agencies to examine their involvement with the child and their family in order to analyse individual and organisational practice, consider any single or multi-agency learning, and identify good practice.`,
      },
      {
        kind: 'paragraph',
        text: `I would, therefore, be grateful if you could arrange for completion of the ${asked.join(' and ')}. It must be endorsed by your agency’s senior lead before it is submitted. Neither its author nor the senior officer endorsing it should have had any direct involvement in this case.`,
      },
    );
  }
  b.push(
    { kind: 'paragraph', text: 'You will complete it online in Review Room, where the attached case summary and the guidance are shown beside each section.' },
    { kind: 'heading', level: 2, text: 'Request to identify staff to attend the Reflective Learning Workshop' },
    {
      kind: 'paragraph',
      text: 'Once our information gathering stage is complete, we plan to hold a Reflective Learning Workshop involving frontline workers and supervisors who had direct involvement with the child and/or their family. Please confirm the name and contact details of all relevant staff in your organisation.',
    },
    { kind: 'heading', level: 2, text: 'Submission' },
    { kind: 'paragraph', style: 'strong', text: `Please submit your agency’s completed ${isChronology ? 'chronologies' : asked.join(' and ')} no later than ${due}.` },
    { kind: 'paragraph', text: 'Yours sincerely,' },
    { kind: 'lines', lines: [input.signatory || input.partnership] },
    { kind: 'paragraph', text: `Enc: Case summary; guidance on completing the ${isChronology ? 'chronologies' : asked.join(' and ')}` },
    { kind: 'title', text: 'Case summary' },
    { kind: 'heading', level: 2, text: 'Background to the case' },
    textBlock(input.caseSummary),
    { kind: 'heading', level: 2, text: 'Family composition' },
    textBlock(input.familyInformation),
    { kind: 'heading', level: 2, text: 'Time period under review' },
    { kind: 'fields', rows: [{ label: 'Period', value: answer(periodText(input.periodStart, input.periodEnd)) }] },
    {
      kind: 'paragraph',
      style: 'guidance',
      text: 'Please focus on this time period. However, do include any key events outside it if they are needed to understand the pattern of events.',
    },
    { kind: 'heading', level: 2, text: 'Key lines of enquiry' },
    { kind: 'numbered', items: [...input.keyLinesOfEnquiry], empty: 'No key lines of enquiry have been agreed yet.' },
  );
  const slug = isChronology ? 'chronologies' : 'analysis';
  return { title: 'Request for agency evidence', filename: `request-${slug}-${input.agency.shortCode}.docx`, marking: LIFECYCLE_MARKING, blocks: b };
}
