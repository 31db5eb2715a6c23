import { findLeaks, type OutgoingText } from '../../shared/pseudonymise/index.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import type { AuditLog } from '../audit/AuditLog.js';
import { writeCsv } from '../formats/csvWriter.js';
import { readCsvRows } from '../formats/csvReader.js';
import { HttpError } from '../http/errors.js';
import { describeLeak } from '../report/docxLeakCheck.js';
import { docxTexts } from '../report/docxText.js';
import { responsesDocx } from '../report/responsesDocx.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import type { ResponseStore } from '../workshop/ResponseStore.js';
import { exportableAnswers, releasedAnswers } from '../workshop/releasedAnswers.js';
import { buildExportPipeline } from './exportPipelineBuilder.js';
import { collectFindings } from './redactionFindingsCollector.js';
import { refuseUndecided } from './redactionGate.js';

type Deps = { records: RecordStore; sync: SyncServer; responses: ResponseStore; audit: AuditLog };

/** One prompt's released responses, as written. */
type Released = { label: string; text: string; released: boolean; count: number; responses: string[] };

async function released(deps: Deps, w: Workshop): Promise<Released[]> {
  // Only answers of a release, and none of a prompt that hiding has left below k (releasedAnswers.ts).
  return (await releasedAnswers(deps, w, { raw: true })).map((p) => {
    const shown = exportableAnswers(p, w.setup.k);
    return { label: p.label, text: p.text, released: shown.length > 0, count: shown.length, responses: shown };
  });
}

/**
 * Everything of a workshop that is shown to participants or exported, as written, with its place:
 * agenda items, phase titles, lessons, prompts and released responses. The redaction review for the
 * workshop output lists what the pipeline does to these.
 */
export async function workshopRawTexts(deps: Deps, w: Workshop): Promise<OutgoingText[]> {
  const out: OutgoingText[] = [
    ...w.setup.agenda.map((a, i) => ({ place: `agenda item ${i + 1}`, text: a.title })),
    ...w.setup.phases.map((p, i) => ({ place: `phase ${i + 1} title`, text: p.title })),
    ...w.setup.lessons.map((l, i) => ({ place: `proposed lesson ${i + 1}`, text: l.text })),
  ];
  for (const p of await released(deps, w)) {
    out.push({ place: `${p.label}, question`, text: p.text });
    p.responses.forEach((r, i) => {
      out.push({ place: `${p.label}, response ${i + 1}`, text: r });
    });
  }
  return out;
}

/**
 * Exports the workshop's released responses as .csv or .docx through the review's pipeline: prompt
 * labels (phase titles), questions (lessons) and responses are pseudonymised; undecided flags refuse
 * with 409; the produced bytes are leak-checked and any hit refuses with every place listed.
 */
export async function exportWorkshopResponses(
  deps: Deps,
  w: Workshop,
  input: { actorId: string; format: 'csv' | 'docx' },
): Promise<{ bytes: Uint8Array; filename: string; contentType: string }> {
  const exp = await buildExportPipeline(deps, w.reviewId);
  await refuseUndecided(deps, {
    reviewId: w.reviewId,
    actorId: input.actorId,
    output: 'workshop',
    flags: collectFindings(exp.pipeline, await workshopRawTexts(deps, w)).flags,
    unreadNames: exp.chron.skippedNames,
  });
  const p = exp.pipeline.text;
  const prompts = (await released(deps, w)).map((x) => ({ ...x, label: p(x.label), text: p(x.text), responses: x.responses.map(p) }));
  let bytes: Uint8Array;
  let produced: OutgoingText[];
  if (input.format === 'csv') {
    const rows: string[][] = [['Prompt', 'Question', 'Response']];
    for (const x of prompts) for (const r of x.responses) rows.push([x.label, x.text, r]);
    bytes = new TextEncoder().encode(writeCsv(rows));
    produced = readCsvRows(bytes)
      .slice(1)
      .flatMap((row, i) => row.map((c, j) => ({ place: `row ${i + 1}, ${rows[0]![j] ?? `column ${j + 1}`}`, text: c.text })));
  } else {
    const partnership = (await deps.records.find('partnerships'))[0]?.name ?? '';
    bytes = await responsesDocx(`Reflective Learning Workshop responses: ${exp.childPseudonym}`, partnership, prompts);
    produced = docxTexts(bytes).texts.map((t) => ({ place: `${t.part} paragraph ${t.paragraph}`, text: t.text }));
  }
  const leaks = findLeaks(produced, exp.register, exp.leakOptions);
  if (leaks.length > 0) {
    await deps.audit.record({ type: 'export.refused', actorId: input.actorId, reviewId: w.reviewId, reason: 'leak-check' });
    const places = [...new Set(leaks.map((l) => `${l.place}: ${describeLeak(l.kind)}`))];
    throw new HttpError(422, 'leak-found', `The workshop export still holds identifying details, so it was not produced. Check: ${places.slice(0, 20).join('; ')}.`, { places });
  }
  await deps.audit.record({ type: 'export.downloaded', actorId: input.actorId, reviewId: w.reviewId, reason: `workshop-${input.format}` });
  return input.format === 'csv'
    ? { bytes, filename: 'workshop-responses.csv', contentType: 'text/csv; charset=utf-8' }
    : { bytes, filename: 'workshop-responses.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
}
