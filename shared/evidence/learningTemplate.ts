import type * as Y from 'yjs';
import { MAX_EVIDENCE_TEXT_CHARS, MAX_TEMPLATE_EVENTS } from './limits.js';
import { readSection, sectionKeys, type SectionFields, type SectionShape } from './sectionDoc.js';

/**
 * The learning template (seed 002, Document 13) as an agency-owned Yjs document,
 * review.<reviewId>.learning-template.<agencyId>. Section keys:
 *   section-1            subject, agency, author (designation, contact), senior agency lead, date of completion
 *   section-2            synopsis of involvement before the review period
 *   kloe-<n>             Section 3, one block per key line of enquiry of the terms of reference (n from 1)
 *   event-<n>            Section 4, single-agency significant events outside the key lines of enquiry
 *   section-5            synopsis of involvement after the review period
 * The key lines of enquiry themselves come from the terms of reference, not the document, so every
 * agency answers the same questions in the same order.
 */

/** Section 1 fields. */
export const TEMPLATE_SECTION_1: SectionShape = {
  subject: 'text',
  agency: 'text',
  author: 'text',
  authorDesignation: 'text',
  authorContact: 'text',
  seniorLead: 'text',
  seniorLeadDesignation: 'text',
  seniorLeadContact: 'text',
  completedOn: 'text',
};

/** A synopsis section (2 and 5). */
export const TEMPLATE_SYNOPSIS: SectionShape = { synopsis: 'text' };

/** A Section 3 block (one key line of enquiry) or a Section 4 event. */
export const TEMPLATE_BLOCK: SectionShape = { narrative: 'text', analysis: 'text', recommendation: 'text', goodPractice: 'text' };

/** Field labels as the template words them. */
export const TEMPLATE_FIELD_LABELS: Record<string, string> = {
  subject: 'Subject child details',
  agency: 'Agency',
  author: 'Author',
  authorDesignation: 'Author’s designation',
  authorContact: 'Author’s contact details',
  seniorLead: 'Senior agency lead',
  seniorLeadDesignation: 'Senior lead’s designation',
  seniorLeadContact: 'Senior lead’s contact details',
  completedOn: 'Date of completion (DD/MM/YYYY)',
  synopsis: 'Synopsis',
  narrative: 'Narrative of the event, issue or key line of enquiry',
  analysis: 'Analysis',
  recommendation: 'Recommendation',
  goodPractice: 'Highlight good practice',
};

/** The shape of a template section by its key; null for a key outside the grammar. */
export function templateSectionShape(key: string): SectionShape | null {
  if (key === 'section-1') return TEMPLATE_SECTION_1;
  if (key === 'section-2' || key === 'section-5') return TEMPLATE_SYNOPSIS;
  const m = /^(kloe|event)-([1-9]\d?)$/.exec(key);
  if (!m) return null;
  const n = Number(m[2]);
  if (m[1] === 'event' && n > MAX_TEMPLATE_EVENTS) return null;
  return TEMPLATE_BLOCK;
}

/** A readable name for a template section ("Section 3, key line of enquiry 2"). */
export function templateSectionLabel(key: string): string {
  if (key === 'section-1') return 'Section 1: details';
  if (key === 'section-2') return 'Section 2: before the review period';
  if (key === 'section-5') return 'Section 5: after the review period';
  const m = /^(kloe|event)-(\d+)$/.exec(key);
  if (m?.[1] === 'kloe') return `Section 3: key line of enquiry ${m[2]}`;
  if (m?.[1] === 'event') return `Section 4: significant event ${m[2]}`;
  return key;
}

/** The whole template, read and validated. */
export type LearningTemplate = {
  section1: SectionFields;
  section2: SectionFields;
  /** One block per key line of enquiry, in the terms of reference's order. */
  kloes: { key: string; kloe: string; fields: SectionFields }[];
  /** Section 4 events, in number order. */
  events: { key: string; fields: SectionFields }[];
  section5: SectionFields;
};

/** Reads a learning template against the review's key lines of enquiry; invalid stored values read as blank. */
export function readLearningTemplate(doc: Y.Doc, keyLinesOfEnquiry: readonly string[]): LearningTemplate {
  const max = MAX_EVIDENCE_TEXT_CHARS;
  const eventNumbers = sectionKeys(doc)
    .map((k) => /^event-([1-9]\d?)$/.exec(k))
    .filter((m): m is RegExpExecArray => !!m && Number(m[1]) <= MAX_TEMPLATE_EVENTS)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  return {
    section1: readSection(doc, 'section-1', TEMPLATE_SECTION_1, max),
    section2: readSection(doc, 'section-2', TEMPLATE_SYNOPSIS, max),
    kloes: keyLinesOfEnquiry.map((kloe, i) => ({ key: `kloe-${i + 1}`, kloe, fields: readSection(doc, `kloe-${i + 1}`, TEMPLATE_BLOCK, max) })),
    events: eventNumbers.map((n) => ({ key: `event-${n}`, fields: readSection(doc, `event-${n}`, TEMPLATE_BLOCK, max) })),
    section5: readSection(doc, 'section-5', TEMPLATE_SYNOPSIS, max),
  };
}

/** The key for a new Section 4 event: the next unused number; null when the cap is reached. */
export function nextEventKey(doc: Y.Doc): string | null {
  const used = new Set(sectionKeys(doc));
  for (let n = 1; n <= MAX_TEMPLATE_EVENTS; n++) if (!used.has(`event-${n}`)) return `event-${n}`;
  return null;
}
