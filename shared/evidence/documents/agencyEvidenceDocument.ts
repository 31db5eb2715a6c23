import { answer, textBlock, LIFECYCLE_MARKING, type DocBlock, type LifecycleDocument } from '../../lifecycle/documents/model.js';
import { periodText } from '../../lifecycle/documents/termsOfReferenceDocument.js';
import { TEMPLATE_FIELD_LABELS, TEMPLATE_SECTION_1, type LearningTemplate } from '../learningTemplate.js';
import { REPORT_FIELD_LABELS, REPORT_SECTIONS, REPORT_SECTION_KEYS, REPORT_SECTION_LABELS, type InformationReport } from '../informationReport.js';
import type { SectionFields } from '../sectionDoc.js';
import { EVIDENCE_STATUS_LABELS, type EvidenceStatus } from '../status.js';

/** Who endorsed the evidence, as the export prints it. */
export type EndorsementLine = { name: string; designation: string; on: string } | null;

/** What an agency evidence export is made from. */
export type AgencyEvidenceInput = {
  agency: { name: string; shortCode: string };
  reviewTitle: string;
  periodStart: string | null;
  periodEnd: string | null;
  status: EvidenceStatus | null;
  endorsement: EndorsementLine;
};

const text = (f: SectionFields, k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');

const statusBlock = (i: AgencyEvidenceInput): DocBlock => ({
  kind: 'fields',
  rows: [
    { label: 'Review', value: i.reviewTitle },
    { label: 'Agency', value: i.agency.name },
    { label: 'Status', value: i.status ? EVIDENCE_STATUS_LABELS[i.status] : 'Not requested' },
    {
      label: 'Endorsed by the senior lead',
      value: i.endorsement ? `${i.endorsement.name}, ${i.endorsement.designation}, ${i.endorsement.on.split('-').reverse().join('/')}` : 'Not endorsed',
    },
  ],
});

const blockFields = (f: SectionFields): DocBlock[] =>
  (['analysis', 'recommendation', 'goodPractice'] as const).flatMap((k) => [{ kind: 'heading', level: 3, text: TEMPLATE_FIELD_LABELS[k]! } as DocBlock, textBlock(text(f, k))]);

/**
 * One agency's learning template (Document 13) as Word: a named copy, OFFICIAL-SENSITIVE, with its
 * status and endorsement. Query threads are staff working notes and are never part of it.
 */
export function learningTemplateDocument(input: AgencyEvidenceInput & { template: LearningTemplate }): LifecycleDocument {
  const t = input.template;
  const b: DocBlock[] = [
    { kind: 'title', text: `Learning template: ${input.agency.name}` },
    statusBlock(input),
    { kind: 'heading', level: 1, text: 'Section 1' },
    { kind: 'fields', rows: Object.keys(TEMPLATE_SECTION_1).map((k) => ({ label: TEMPLATE_FIELD_LABELS[k]!, value: answer(text(t.section1, k)) })) },
    { kind: 'heading', level: 1, text: 'Section 2: synopsis of agency involvement before the review period' },
    { kind: 'paragraph', style: 'guidance', text: `Review period: ${periodText(input.periodStart, input.periodEnd) || 'not set'}` },
    textBlock(text(t.section2, 'synopsis')),
    { kind: 'heading', level: 1, text: 'Section 3: key lines of enquiry' },
  ];
  if (t.kloes.length === 0) b.push({ kind: 'paragraph', style: 'missing', text: 'No key lines of enquiry have been agreed.' });
  t.kloes.forEach((k, i) => {
    b.push({ kind: 'heading', level: 2, text: `Key line of enquiry ${i + 1}: ${k.kloe}` }, textBlock(text(k.fields, 'narrative')), ...blockFields(k.fields));
  });
  b.push({ kind: 'heading', level: 1, text: 'Section 4: single agency significant practice events' });
  if (t.events.length === 0) b.push({ kind: 'paragraph', style: 'missing', text: 'None recorded.' });
  t.events.forEach((e, i) => {
    b.push({ kind: 'heading', level: 2, text: `Significant event ${i + 1}` }, textBlock(text(e.fields, 'narrative')), ...blockFields(e.fields));
  });
  b.push({ kind: 'heading', level: 1, text: 'Section 5: synopsis of agency involvement after the review period' }, textBlock(text(t.section5, 'synopsis')));
  return { title: 'Learning template', filename: `learning-template-${input.agency.shortCode}.docx`, marking: LIFECYCLE_MARKING, blocks: b };
}

/** One agency's information report (Document 14) as Word: every question, the completer, the endorsing officer and the confirmation. */
export function informationReportDocument(input: AgencyEvidenceInput & { report: InformationReport }): LifecycleDocument {
  const r = input.report;
  const b: DocBlock[] = [{ kind: 'title', text: `Information report: ${input.agency.name}` }, statusBlock(input)];
  for (const key of REPORT_SECTION_KEYS) {
    b.push({ kind: 'heading', level: key === 'background' ? 1 : 2, text: REPORT_SECTION_LABELS[key] });
    const shape = REPORT_SECTIONS[key];
    const ticks = Object.keys(shape).filter((k) => shape[k] === 'tick');
    const texts = Object.keys(shape).filter((k) => shape[k] === 'text');
    if (key === 'background') {
      b.push({ kind: 'fields', rows: texts.map((k) => ({ label: REPORT_FIELD_LABELS[k]!, value: answer(text(r[key], k)) })) });
    } else {
      for (const k of texts) b.push({ kind: 'heading', level: 3, text: REPORT_FIELD_LABELS[k]! }, textBlock(text(r[key], k)));
    }
    if (ticks.length) b.push({ kind: 'checklist', items: ticks.map((k) => ({ label: REPORT_FIELD_LABELS[k]!, checked: r[key][k] === true })) });
  }
  return { title: 'Information report', filename: `information-report-${input.agency.shortCode}.docx`, marking: LIFECYCLE_MARKING, blocks: b };
}
