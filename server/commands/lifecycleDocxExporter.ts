import { isoDateInLondon } from '../../shared/dates.js';
import { addWorkingDays } from '../../shared/calendar/index.js';
import { panelLetterDocument, rapidReviewDocument, scopingDocument, termsOfReferenceDocument, type LifecycleDocument } from '../../shared/lifecycle/index.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { renderLifecycleDocx } from '../docx/lifecycleDocxRenderer.js';
import type { ProducedFile } from '../http/sendFile.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { partnershipName, readRapidReviewConfig } from './lifecycleSettingsSaver.js';
import { assembleRapidReview, readReviewPeople } from './rapidReviewAssembler.js';
import { scopingOf } from './scopingUpdater.js';
import { termsOfReferenceOf } from './termsOfReferenceSaver.js';

/** The Word exports of the lifecycle, by their URL name. */
export const LIFECYCLE_EXPORTS = ['rapid-review', 'panel-letter', 'terms-of-reference'] as const;

/** A lifecycle export's URL name. */
export type LifecycleExport = (typeof LIFECYCLE_EXPORTS)[number];

/** The MIME type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Builds one of the Word exports and audits the download (ids and the export's name only). They keep
 * real names, because they go to the National Panel and to agencies and are never published; the
 * route allows them only to the lead reviewer and review team.
 */
export async function exportLifecycleDocx(
  deps: { records: RecordStore; sync: SyncServer; audit: AuditLog; now?: () => Date },
  input: { reviewId: string; actorId: string; kind: LifecycleExport },
): Promise<ProducedFile> {
  const partnership = await partnershipName(deps.records);
  let doc: LifecycleDocument;
  let skipped: number | undefined;
  if (input.kind === 'terms-of-reference') {
    const review = (await deps.records.get('reviews', input.reviewId))!;
    doc = termsOfReferenceDocument({ review, content: (await termsOfReferenceOf(deps, input.reviewId)).content });
  } else {
    const rr = await assembleRapidReview(deps, input.reviewId);
    skipped = rr.skippedPeople;
    doc =
      input.kind === 'rapid-review'
        ? rapidReviewDocument({ partnership, review: rr.review, content: rr.content, agencies: rr.agencies, people: rr.people, scoping: rr.scoping })
        : panelLetterDocument({ partnership, review: rr.review, content: rr.content, agencies: rr.agencies, todayIso: isoDateInLondon(deps.now?.() ?? new Date()) });
  }
  const bytes = await renderLifecycleDocx(doc, partnership);
  await deps.audit.record({ type: 'export.downloaded', actorId: input.actorId, reviewId: input.reviewId, reason: `${input.kind}-docx` });
  return { bytes, filename: doc.filename, contentType: DOCX_TYPE, skipped };
}

/**
 * One agency's scoping request as Word: the covering letter and the Document 2 form, with the family
 * composition from the people register and the agency's answers so far. The return date is the
 * partnership's returns deadline counted from the referral. Audited like the other exports.
 */
export async function exportScopingDocx(
  deps: { records: RecordStore; sync: SyncServer; audit: AuditLog; now?: () => Date },
  input: { reviewId: string; agencyId: string; actorId: string },
): Promise<ProducedFile> {
  const partnership = await partnershipName(deps.records);
  const review = (await deps.records.get('reviews', input.reviewId))!;
  const agency = (await deps.records.get('agencies', input.agencyId))!;
  let returnBy: string | null = null;
  try {
    returnBy = review.referralDate ? addWorkingDays(review.referralDate, (await readRapidReviewConfig(deps.records)).returnsDays) : null;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  const register = await readReviewPeople(deps.sync, input.reviewId);
  const doc = scopingDocument({
    partnership,
    agency,
    review,
    returnBy,
    people: register.people,
    form: (await scopingOf(deps.records, input.reviewId, input.agencyId)).form,
    todayIso: isoDateInLondon(deps.now?.() ?? new Date()),
  });
  const bytes = await renderLifecycleDocx(doc, partnership);
  await deps.audit.record({ type: 'export.downloaded', actorId: input.actorId, reviewId: input.reviewId, targetId: input.agencyId, reason: 'scoping-docx' });
  return { bytes, filename: doc.filename, contentType: DOCX_TYPE, skipped: register.skipped };
}
