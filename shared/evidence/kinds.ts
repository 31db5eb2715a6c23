import { z } from 'zod';

/**
 * The kinds of evidence a Local Child Safeguarding Practice Review asks each agency for (seed 002,
 * §8.4–8.6): chronologies of key events and organisational changes (requested with Document 11), and
 * a learning template (Document 13) or an information report (Document 14, requested with Document 15).
 */

/** Every evidence kind, in the order the review normally asks for them. */
export const EVIDENCE_KINDS = ['key-events-chronology', 'org-changes-chronology', 'learning-template', 'information-report'] as const;

/** An evidence kind. */
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);

/** An evidence kind. */
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** What each kind is called on screen and in letters (en-GB). */
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  'key-events-chronology': 'Key events chronology',
  'org-changes-chronology': 'Organisational changes chronology',
  'learning-template': 'Learning template',
  'information-report': 'Information report',
};

/** The request letter each kind is sent with: Document 11 for chronologies, Document 15 for the analyses. */
export type RequestLetter = 'chronology' | 'analysis';

/** Which letter requests each kind. */
export const REQUEST_LETTER_OF: Record<EvidenceKind, RequestLetter> = {
  'key-events-chronology': 'chronology',
  'org-changes-chronology': 'chronology',
  'learning-template': 'analysis',
  'information-report': 'analysis',
};

/**
 * Working days an agency is given by default. Chronologies come first and are quicker; the analysis
 * needs the chronology, file reading and staff interviews (Document 15a), so it gets longer.
 */
export const DEFAULT_DUE_WORKING_DAYS: Record<EvidenceKind, number> = {
  'key-events-chronology': 20,
  'org-changes-chronology': 20,
  'learning-template': 30,
  'information-report': 30,
};

/** True for the kinds kept as an agency-owned online document of their own (Documents 13 and 14). */
export function isAnalysisKind(kind: EvidenceKind): kind is 'learning-template' | 'information-report' {
  return kind === 'learning-template' || kind === 'information-report';
}
