import type * as Y from 'yjs';
import { MAX_EVIDENCE_TEXT_CHARS } from './limits.js';
import { readSection, type SectionFields, type SectionShape } from './sectionDoc.js';

/**
 * The information report (seed 002, Document 14) as an agency-owned Yjs document,
 * review.<reviewId>.information-report.<agencyId>, in the same 'sections' shape as the learning
 * template. Section keys: `background` (child reference, agency, the completer, the endorsing senior
 * officer and the "no involvement" confirmation), then `q1` to `q9`, one per question.
 */

/** Every section key, in the report's order. */
export const REPORT_SECTION_KEYS = ['background', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'] as const;

/** A report section key. */
export type ReportSectionKey = (typeof REPORT_SECTION_KEYS)[number];

/** The fields of each section. */
export const REPORT_SECTIONS: Record<ReportSectionKey, SectionShape> = {
  background: {
    childReference: 'text',
    agency: 'text',
    completerName: 'text',
    completerDesignation: 'text',
    completerContact: 'text',
    completedOn: 'text',
    endorserName: 'text',
    endorserDesignation: 'text',
    endorserContact: 'text',
    endorsedOn: 'text',
    noInvolvement: 'tick',
  },
  q1: { parallelProcess: 'tick', details: 'text' },
  q2: { filesSecured: 'text', documentsReviewed: 'text', interviews: 'text' },
  q3: { caseSummaryReviewed: 'tick', corrections: 'text', context: 'text' },
  q4: { analysis: 'text' },
  q5: { goodPractice: 'text' },
  q6: { learningPoints: 'text' },
  q7: { implemented: 'text', planned: 'text' },
  q8: { multiAgency: 'text' },
  q9: { other: 'text' },
};

/** Section headings, as Document 14 words them. */
export const REPORT_SECTION_LABELS: Record<ReportSectionKey, string> = {
  background: 'Background information',
  q1: '1. Parallel processes and investigations',
  q2: '2. Sources of information',
  q3: '3. Summary of agency involvement with the child and family',
  q4: '4. Analysis of involvement',
  q5: '5. Good practice identified in this case',
  q6: '6. Key learning points',
  q7: '7. Single agency learning',
  q8: '8. Multi-agency learning',
  q9: '9. Other relevant information',
};

/** Field labels, as Document 14 words them. */
export const REPORT_FIELD_LABELS: Record<string, string> = {
  childReference: 'Name of child / case reference',
  agency: 'Name of agency completing this form',
  completerName: 'Name of the individual completing this form',
  completerDesignation: 'Agency and designation / title',
  completerContact: 'Contact details (address, telephone and email)',
  completedOn: 'Date form completed (DD/MM/YYYY)',
  endorserName: 'Name of the senior officer endorsing this form',
  endorserDesignation: 'Senior officer’s agency and designation / title',
  endorserContact: 'Senior officer’s contact details',
  endorsedOn: 'Date endorsed by the agency senior officer (DD/MM/YYYY)',
  noInvolvement: 'I confirm that the individual completing this report has had no previous operational involvement in the management of this case',
  parallelProcess: 'My organisation is undertaking an internal, multi-agency or parallel review process related to this case',
  details: 'If so, the type of investigation and who leads or co-ordinates it',
  filesSecured: 'Date files were secured and by whom',
  documentsReviewed: 'Documents reviewed (and any not seen, with the reason)',
  interviews: 'Interviews undertaken',
  caseSummaryReviewed: 'I have reviewed the details in the case summary',
  corrections: '3.1 Corrections and additional information on the victim, perpetrator, family or significant others',
  context: '3.2 Contextual information not captured elsewhere',
  analysis: 'Analysis of involvement',
  goodPractice: 'Good practice',
  learningPoints: 'Key learning points',
  implemented: 'Actions already implemented',
  planned: 'Actions planned',
  multiAgency: 'Actions to improve multi-agency working for the review team to consider',
  other: 'Other relevant information for the lead reviewer and review team',
};

/** True for a report section key. */
export function isReportSectionKey(key: string): key is ReportSectionKey {
  return (REPORT_SECTION_KEYS as readonly string[]).includes(key);
}

/** The whole report, read and validated. */
export type InformationReport = Record<ReportSectionKey, SectionFields>;

/** Reads an information report; invalid stored values read as blank. */
export function readInformationReport(doc: Y.Doc): InformationReport {
  const out = {} as InformationReport;
  for (const key of REPORT_SECTION_KEYS) out[key] = readSection(doc, key, REPORT_SECTIONS[key], MAX_EVIDENCE_TEXT_CHARS);
  return out;
}

/** The questions left blank, for "answer every question" (Document 15a) before submission. */
export function unansweredQuestions(report: InformationReport): ReportSectionKey[] {
  return REPORT_SECTION_KEYS.filter((k) => k !== 'background' && k !== 'q1' && Object.entries(report[k]).every(([, v]) => v === '' || v === false));
}
