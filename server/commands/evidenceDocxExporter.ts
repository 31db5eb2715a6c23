import { zipSync, type Zippable } from 'fflate';
import { isoDateInLondon } from '../../shared/dates.js';
import { docName } from '../../shared/docNames.js';
import {
  REQUEST_LETTER_OF,
  informationReportDocument,
  learningTemplateDocument,
  readInformationReport,
  readLearningTemplate,
  requestLetterDocument,
  type EvidenceKind,
  type EvidenceRequest,
  type RequestLetter,
} from '../../shared/evidence/index.js';
import type { LifecycleDocument } from '../../shared/lifecycle/index.js';
import type { Agency } from '../../shared/schemas/records.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { renderLifecycleDocx } from '../docx/lifecycleDocxRenderer.js';
import { HttpError, notFound } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { exportChronology } from './chronologyExporter.js';
import { agenciesOf, requestsOf } from './evidenceRecords.js';
import { DOCX_TYPE } from './lifecycleDocxExporter.js';
import { partnershipName } from './lifecycleSettingsSaver.js';
import { termsOfReferenceOf } from './termsOfReferenceSaver.js';

/**
 * The evidence Word exports: request letters (Documents 11 and 15) with the case summary, each
 * agency's learning template or information report (named copies, OFFICIAL-SENSITIVE), and a zip of
 * them all with the integrated chronology for review-team meetings. Query threads are never read
 * here: they are staff working notes. Every download is audited (ids and the export's name only).
 */

type Deps = { records: RecordStore; sync: SyncServer; audit: AuditLog; now?: () => Date };

/** A built file. */
export type EvidenceExport = { bytes: Uint8Array; filename: string; contentType: string };

/** The agency-owned document kinds, by URL name. */
export const AGENCY_EVIDENCE_DOCS = ['learning-template', 'information-report'] as const;

/** An agency-owned document kind. */
export type AgencyEvidenceDoc = (typeof AGENCY_EVIDENCE_DOCS)[number];

async function agencyOf(deps: Deps, reviewId: string, agencyId: string): Promise<Agency> {
  const a = (await agenciesOf(deps.records, reviewId)).find((x) => x.id === agencyId);
  if (!a) throw notFound('That agency');
  return a;
}

/** Builds one request letter document for an agency from its requests of that letter's kinds. */
async function letterDocument(deps: Deps, reviewId: string, agency: Agency, letter: RequestLetter, requests: readonly EvidenceRequest[]): Promise<LifecycleDocument | null> {
  const mine = requests.filter((r) => r.agencyId === agency.id && REQUEST_LETTER_OF[r.kind] === letter);
  if (mine.length === 0) return null;
  const review = (await deps.records.get('reviews', reviewId))!;
  const terms = (await termsOfReferenceOf(deps, reviewId)).content;
  return requestLetterDocument({
    letter,
    partnership: await partnershipName(deps.records),
    agency,
    childName: terms.childReference.trim() || review.childPseudonym,
    kinds: mine.map((r) => r.kind),
    dueOn: mine
      .map((r) => r.dueOn)
      .sort()
      .at(-1)!,
    caseSummary: terms.incidentSummary,
    familyInformation: terms.familyInformation,
    periodStart: review.periodStart,
    periodEnd: review.periodEnd,
    keyLinesOfEnquiry: terms.keyLinesOfEnquiry.map((k) => k.trim()).filter(Boolean),
    signatory: terms.leadReviewerName,
    todayIso: isoDateInLondon(deps.now?.() ?? new Date()),
  });
}

/** The request letter to one agency; 404 when that agency has not been asked for anything this letter covers. */
export async function exportRequestLetter(deps: Deps, input: { reviewId: string; agencyId: string; letter: RequestLetter; actorId: string }): Promise<EvidenceExport> {
  const agency = await agencyOf(deps, input.reviewId, input.agencyId);
  const doc = await letterDocument(deps, input.reviewId, agency, input.letter, await requestsOf(deps.records, input.reviewId));
  if (!doc) throw new HttpError(404, 'not-found', 'That agency has not been asked for this evidence yet.');
  const bytes = await renderLifecycleDocx(doc, await partnershipName(deps.records));
  await deps.audit.record({ type: 'export.downloaded', actorId: input.actorId, reviewId: input.reviewId, targetId: agency.id, reason: `request-${input.letter}-docx` });
  return { bytes, filename: doc.filename, contentType: DOCX_TYPE };
}

/** Builds one agency's template or report document from its Yjs doc, with its request's status and endorsement. */
async function agencyDocument(deps: Deps, reviewId: string, agency: Agency, kind: AgencyEvidenceDoc, requests: readonly EvidenceRequest[]): Promise<LifecycleDocument> {
  const review = (await deps.records.get('reviews', reviewId))!;
  const request = requests.find((r) => r.agencyId === agency.id && r.kind === (kind as EvidenceKind));
  const kloes = (await termsOfReferenceOf(deps, reviewId)).content.keyLinesOfEnquiry.map((k) => k.trim()).filter(Boolean);
  const base = {
    agency,
    reviewTitle: review.title,
    periodStart: review.periodStart,
    periodEnd: review.periodEnd,
    status: request?.status ?? null,
    endorsement: request?.endorsement ? { name: request.endorsement.name, designation: request.endorsement.designation, on: request.endorsement.on } : null,
  };
  const name = docName({ reviewId, kind, agencyId: agency.id });
  return kind === 'learning-template'
    ? learningTemplateDocument({ ...base, template: await deps.sync.read(name, (d) => readLearningTemplate(d, kloes)) })
    : informationReportDocument({ ...base, report: await deps.sync.read(name, (d) => readInformationReport(d)) });
}

/** One agency's learning template or information report as Word. */
export async function exportAgencyEvidence(deps: Deps, input: { reviewId: string; agencyId: string; kind: AgencyEvidenceDoc; actorId: string }): Promise<EvidenceExport> {
  const agency = await agencyOf(deps, input.reviewId, input.agencyId);
  const doc = await agencyDocument(deps, input.reviewId, agency, input.kind, await requestsOf(deps.records, input.reviewId));
  const bytes = await renderLifecycleDocx(doc, await partnershipName(deps.records));
  await deps.audit.record({ type: 'export.downloaded', actorId: input.actorId, reviewId: input.reviewId, targetId: agency.id, reason: `${input.kind}-docx` });
  return { bytes, filename: doc.filename, contentType: DOCX_TYPE };
}

/**
 * Every requested template and report, every request letter, and the integrated chronology (named
 * copy, .xlsx), zipped for a review-team meeting. Only documents an agency was asked for are included.
 */
export async function exportEvidencePack(deps: Deps, input: { reviewId: string; actorId: string }): Promise<EvidenceExport> {
  const partnership = await partnershipName(deps.records);
  const requests = await requestsOf(deps.records, input.reviewId);
  const files: Zippable = {};
  for (const agency of await agenciesOf(deps.records, input.reviewId)) {
    for (const letter of ['chronology', 'analysis'] as const) {
      const doc = await letterDocument(deps, input.reviewId, agency, letter, requests);
      if (doc) files[`letters/${doc.filename}`] = await renderLifecycleDocx(doc, partnership);
    }
    for (const kind of AGENCY_EVIDENCE_DOCS) {
      if (!requests.some((r) => r.agencyId === agency.id && r.kind === kind)) continue;
      const doc = await agencyDocument(deps, input.reviewId, agency, kind, requests);
      files[`agencies/${doc.filename}`] = await renderLifecycleDocx(doc, partnership);
    }
  }
  const chronology = await exportChronology(deps, { reviewId: input.reviewId, actorId: input.actorId, format: 'xlsx', pseudonymise: false });
  files[`integrated-${chronology.filename}`] = chronology.bytes;
  await deps.audit.record({ type: 'export.downloaded', actorId: input.actorId, reviewId: input.reviewId, reason: 'evidence-pack-zip' });
  return { bytes: zipSync(files, { level: 6 }), filename: 'evidence-pack-OFFICIAL-SENSITIVE.zip', contentType: 'application/zip' };
}
