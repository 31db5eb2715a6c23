import { exportableAnswers, releasedAnswers } from '../workshop/releasedAnswers.js';
import { draftForReport } from '../../shared/report/draftDoc.js';
import { readReportDraft } from './reportDraftReader.js';
import { goodPracticeKeys, responseKey, storedOutcome } from '../../shared/workshop/outcome.js';
import { findLeaks, type OutgoingText } from '../../shared/pseudonymise/index.js';
import { assembleReport, modelTexts, toMarkdown, type ReportInput, type ReportModel } from '../../shared/report/index.js';
import { isoDateInLondon } from '../../shared/dates.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { HttpError } from '../http/errors.js';
import type { ProducedFile } from '../http/sendFile.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { ResponseStore } from '../workshop/ResponseStore.js';
import { renderDocx } from '../report/docxRenderer.js';
import { checkDocx, describeLeak } from '../report/docxLeakCheck.js';
import { assembleChronology } from './chronologyAssembler.js';
import { buildExportPipeline } from './exportPipelineBuilder.js';
import { collectFindings } from './redactionFindingsCollector.js';
import { refuseUndecided } from './redactionGate.js';

type Deps = { records: RecordStore; sync: SyncServer; responses: ResponseStore; audit: AuditLog };

/** The review's terms of reference for the report, when the lifecycle feature has stored them. */
export type TermsOfReferenceSource = (reviewId: string) => Promise<{ keyLinesOfEnquiry: string[]; periodStart: string | null; periodEnd: string | null } | null>;

/**
 * Gathers everything the report draws on (review, partnership, lead reviewers, agencies, integrated
 * chronology, released workshop responses without hidden ones, the workshop outcome's lived experience
 * and good practice, the draft) and assembles the model, pseudonymised from the people register.
 * Workshop responses below the anonymity threshold are never quoted.
 */
export async function buildReportModel(
  deps: Deps,
  reviewId: string,
  termsOfReference: TermsOfReferenceSource,
): Promise<{
  model: ReportModel;
  people: Awaited<ReturnType<typeof assembleChronology>>['people'];
  partnership: string;
  rawTexts: OutgoingText[];
  exp: Awaited<ReturnType<typeof buildExportPipeline>>;
  /** Stored records the chronology and register reads left out (assembleChronology). */
  skipped: number;
}> {
  const review = (await deps.records.get('reviews', reviewId))!;
  const partnership = (await deps.records.find('partnerships'))[0]?.name ?? '';
  const leads = await deps.records.find('memberships', { reviewId, role: 'lead-reviewer' });
  const leadReviewers = (await Promise.all(leads.map(async (m) => (await deps.records.get('users', m.userId))?.name ?? ''))).filter(Boolean);
  const chron = await assembleChronology(deps, reviewId);
  const workshop = (await deps.records.find('workshops', { reviewId }))[0] ?? null;
  let workshopInput: ReportInput['workshop'] = null;
  if (workshop) {
    // The report quotes what staff were shown: the visible (not hidden) answers of each prompt's
    // current release, none when fewer than k remain. A good-practice mark counts only on such an
    // answer, so one hidden after it was marked never reaches the report.
    const { outcome } = storedOutcome(workshop);
    const good = new Set(goodPracticeKeys(outcome));
    const prompts = [];
    const goodResponses: string[] = [];
    for (const p of await releasedAnswers(deps, workshop)) {
      const quotable = new Set(exportableAnswers(p, workshop.setup.k));
      const released = p.responses.filter((r) => !r.hidden && quotable.has(r.text));
      prompts.push({ id: p.id, label: p.label, responses: released.map((r) => r.text) });
      for (const r of released) if (good.has(responseKey(p.id, r.id))) goodResponses.push(r.text);
    }
    workshopInput = {
      prompts,
      participants: (workshop.attendance ?? []).length || undefined,
      livedExperience: outcome.livedExperience,
      goodPractice: { notes: outcome.goodPracticeNotes, responses: goodResponses },
    };
  }
  const draft = draftForReport(await readReportDraft(deps, reviewId));
  // Dates of birth become ages on the referral date (or today when there is none).
  const exp = await buildExportPipeline(deps, reviewId, { chron, agesOn: review.referralDate ?? isoDateInLondon(new Date()) });
  // Every raw text the report draws on is kept, so the redaction review can show it in context.
  const calls: { raw: string; out: string }[] = [];
  const model = assembleReport({
    review,
    partnership,
    leadReviewers,
    todayIso: isoDateInLondon(new Date()),
    agencies: chron.agencies,
    rows: chron.rows,
    childDateOfBirth: chron.people.find((x) => x.isSubject)?.dateOfBirth ?? null,
    workshop: workshopInput,
    termsOfReference: await termsOfReference(reviewId),
    draft,
    pseudonymise: (raw) => {
      const out = exp.pipeline.text(raw);
      if (raw.trim()) calls.push({ raw, out });
      return out;
    },
  });
  const parts = modelTexts(model);
  const rawTexts = calls.map(({ raw, out }) => ({ place: `report ${parts.find((p) => p.text.includes(out.trim().slice(0, 200)))?.place ?? 'text'}`, text: raw }));
  return { model, people: chron.exportRegister, partnership, rawTexts, exp, skipped: chron.skipped };
}

/**
 * Produces the report as .docx or .md and runs the leak check on exactly what will be downloaded: for
 * Word, the bytes themselves (every part, runs joined); for Markdown, its text. Any hit refuses the
 * export with the places listed (never the leaked text), and the refusal is audited.
 */
export async function exportReport(
  deps: Deps,
  input: { reviewId: string; actorId: string; format: 'docx' | 'md'; termsOfReference: TermsOfReferenceSource },
): Promise<ProducedFile> {
  const { model, people, partnership, rawTexts, exp, skipped } = await buildReportModel(deps, input.reviewId, input.termsOfReference);
  await refuseUndecided(deps, {
    reviewId: input.reviewId,
    actorId: input.actorId,
    output: 'report',
    flags: collectFindings(exp.pipeline, rawTexts).flags,
    unreadNames: exp.chron.skippedNames,
  });
  let bytes: Uint8Array;
  let problems: { place: string; problem: string }[];
  if (input.format === 'docx') {
    bytes = await renderDocx(model, partnership);
    problems = checkDocx(bytes, people, partnership, exp.leakOptions);
  } else {
    const md = toMarkdown(model);
    bytes = new TextEncoder().encode(md);
    problems = [...findLeaks(modelTexts(model), people, exp.leakOptions), ...findLeaks([{ place: 'markdown', text: md }], people, exp.leakOptions)].map((l) => ({
      place: l.place,
      problem: describeLeak(l.kind),
    }));
  }
  if (problems.length > 0) {
    await deps.audit.record({ type: 'export.refused', actorId: input.actorId, reviewId: input.reviewId, reason: 'leak-check' });
    const list = [...new Set(problems.map((p) => `${p.place}: ${p.problem}`))].slice(0, 12).join('; ');
    throw new HttpError(422, 'leak-found', `The report was not produced because it still holds identifying details or document history. ${list}.`, { problems });
  }
  await deps.audit.record({ type: 'export.downloaded', actorId: input.actorId, reviewId: input.reviewId, reason: `report-${input.format}` });
  return input.format === 'docx'
    ? { bytes, filename: 'draft-report.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', skipped }
    : { bytes, filename: 'draft-report.md', contentType: 'text/markdown; charset=utf-8', skipped };
}
