import { CATEGORY_LABELS, childContactCell, familyContactCell, formatChronologyDate, type IntegratedOrgChange, type IntegratedRow } from '../../shared/chronology/index.js';
import { findLeaks, type Leak, type OutgoingText } from '../../shared/pseudonymise/index.js';
import type { Person } from '../../shared/people.js';
import { HttpError } from '../http/errors.js';
import { writeCsv } from '../formats/csvWriter.js';
import { writeXlsx } from '../formats/xlsxWriter.js';
import { readCsvRows } from '../formats/csvReader.js';
import { readXlsxRows } from '../formats/xlsxReader.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { assembleChronology, type AssembledChronology } from './chronologyAssembler.js';
import { buildExportPipeline } from './exportPipelineBuilder.js';
import { collectFindings } from './redactionFindingsCollector.js';
import { refuseUndecided } from './redactionGate.js';

/** The Document 10 columns plus the agency, in export order. */
export const EXPORT_HEADER = [
  'Agency',
  'Date (DD/MM/YYYY)',
  'Time',
  'Source of information',
  'Contact with the child (seen alone or not) and by whom',
  'Contact with family members and by whom',
  'Key event / action undertaken',
  'Comment and analysis, including potential learning',
  'Category',
  'Key practice learning event',
  'Other information',
];

/** Index of the date column in EXPORT_HEADER. */
const DATE_COLUMN = 1;

/** Column widths in characters for the .xlsx. */
const WIDTHS = [14, 14, 8, 22, 28, 28, 50, 50, 22, 14, 40];

/** The organisational changes sheet's columns (the .xlsx only: a .csv holds one table). */
export const ORG_CHANGES_HEADER = ['Agency', 'Date (DD/MM/YYYY)', 'Organisational change', 'Impact on frontline practice'];

/** Tab name of the organisational changes sheet. */
export const ORG_CHANGES_SHEET = 'Organisational changes';

/** Index of the date column in ORG_CHANGES_HEADER. */
const ORG_DATE_COLUMN = 1;

/** Column widths in characters for the organisational changes sheet. */
const ORG_WIDTHS = [14, 14, 60, 60];

/** An export ready to download. */
export type ChronologyExport = { bytes: Uint8Array; filename: string; contentType: string; skipped: number };

/** One exported row as text cells; names are replaced when `pseudo` is given. */
function rowCells(r: IntegratedRow, people: Map<string, Person>, pseudo: ((s: string) => string) | null, label: (id: string) => string): string[] {
  const t = (s: string) => (pseudo ? pseudo(s) : s);
  const family = r.familyContactIds.map((id) => (pseudo ? label(id) : people.get(id)?.name || label(id)));
  // The contact cells are written as the importer reads them back (shared/chronology/contactText.ts).
  return [
    r.agencyCode,
    formatChronologyDate(r.date),
    r.time ?? '',
    t(r.source),
    childContactCell(r.childContact, t(r.childContactBy)),
    familyContactCell(family, t(r.familyContactBy)),
    t(r.keyEvent),
    t(r.comment),
    CATEGORY_LABELS[r.category],
    r.team.keyLearning ? 'Yes' : '',
    t(r.otherInfo ?? ''),
  ];
}

/** One organisational change as text cells; free text is pseudonymised when `pseudo` is given. */
function orgChangeCells(c: IntegratedOrgChange, pseudo: ((s: string) => string) | null): string[] {
  const t = (s: string) => (pseudo ? pseudo(s) : s);
  return [c.agencyCode, formatChronologyDate(c.date), t(c.change), t(c.impact)];
}

/** The chronology's free text as written, with its place, for the redaction review (both sheets). */
export function chronologyRawTexts(chron: AssembledChronology): OutgoingText[] {
  const out: OutgoingText[] = [];
  chron.rows.forEach((r, i) => {
    const cells: [string, string | null][] = [
      ['Source of information', r.source],
      ['Contact with the child', r.childContactBy],
      ['Contact with family members', r.familyContactBy],
      ['Key event', r.keyEvent],
      ['Comment and analysis', r.comment],
    ];
    for (const [column, text] of cells) if (text) out.push({ place: `chronology row ${i + 1}, ${column}`, text });
  });
  chron.orgChanges.forEach((c, i) => {
    out.push({ place: `${ORG_CHANGES_SHEET} row ${i + 1}, change`, text: c.change }, { place: `${ORG_CHANGES_SHEET} row ${i + 1}, impact`, text: c.impact });
  });
  return out;
}

/** The produced file's cells read back, with their places; banner and header rows and the Date columns are skipped. */
function producedCells(bytes: Uint8Array, format: 'xlsx' | 'csv'): OutgoingText[] {
  const sheets =
    format === 'csv'
      ? [{ name: 'Integrated chronology', header: EXPORT_HEADER, dateColumn: DATE_COLUMN, rows: readCsvRows(bytes) }]
      : [
          { name: 'Integrated chronology', header: EXPORT_HEADER, dateColumn: DATE_COLUMN, rows: readXlsxRows(bytes, { sheet: 0 }) },
          { name: ORG_CHANGES_SHEET, header: ORG_CHANGES_HEADER, dateColumn: ORG_DATE_COLUMN, rows: readXlsxRows(bytes, { sheet: 1 }) },
        ];
  return sheets.flatMap((sheet) =>
    sheet.rows
      .slice(2)
      .flatMap((row, i) =>
        row.flatMap((cell, c) => (c === sheet.dateColumn || !cell.text ? [] : [{ place: `${sheet.name} row ${i + 1}, ${sheet.header[c] ?? `column ${c + 1}`}`, text: cell.text }])),
      ),
  );
}

/** Where leaks were found, for the refusal message (row and column, never the text). */
function describeLeaks(leaks: readonly Leak[]): string {
  const places = [...new Set(leaks.map((l) => l.place))].slice(0, 20);
  return `The pseudonymised export still holds identifying details, so it was not produced. Check: ${places.join('; ')}.`;
}

/**
 * Builds the integrated chronology as .xlsx (agency colours as row fills, header frozen; a second
 * sheet holds every agency's organisational changes) or .csv (the key events only).
 * A pseudonymised copy replaces names from the people register and removes identifiers, then is
 * leak-checked cell by cell; any hit refuses the export. A named copy is marked OFFICIAL-SENSITIVE.
 * Every download and refusal is audited.
 */
export async function exportChronology(
  deps: { records: RecordStore; sync: SyncServer; audit: AuditLog },
  input: { reviewId: string; actorId: string; format: 'xlsx' | 'csv'; pseudonymise: boolean },
): Promise<ChronologyExport> {
  const review = (await deps.records.get('reviews', input.reviewId))!;
  const chron = await assembleChronology(deps, input.reviewId);
  const people = new Map(chron.people.map((p) => [p.id, p]));
  const exp = await buildExportPipeline(deps, input.reviewId, { chron });
  const p = exp.pipeline;
  if (input.pseudonymise) {
    await refuseUndecided(deps, {
      reviewId: input.reviewId,
      actorId: input.actorId,
      output: 'chronology',
      flags: collectFindings(p, chronologyRawTexts(chron)).flags,
      unreadNames: chron.skippedNames,
    });
  }
  const cells = chron.rows.map((r) => rowCells(r, people, input.pseudonymise ? p.text : null, p.label));
  // Organisational changes go on their own .xlsx sheet; a .csv holds the key events only.
  const orgCells = input.format === 'xlsx' ? chron.orgChanges.map((c) => orgChangeCells(c, input.pseudonymise ? p.text : null)) : [];
  const banner = input.pseudonymise
    ? `OFFICIAL-SENSITIVE – ${review.childPseudonym} – integrated chronology, pseudonymised copy`
    : `OFFICIAL-SENSITIVE – ${review.title} – integrated chronology, NAMED copy: do not share beyond the review`;
  const base = `chronology-${input.pseudonymise ? 'pseudonymised' : 'named'}`;
  const bytes =
    input.format === 'csv'
      ? new TextEncoder().encode(writeCsv([[banner], EXPORT_HEADER, ...cells]))
      : writeXlsx([
          { name: 'Integrated chronology', banner, header: EXPORT_HEADER, rows: cells, fills: chron.rows.map((r) => r.colour), widths: WIDTHS },
          { name: ORG_CHANGES_SHEET, banner, header: ORG_CHANGES_HEADER, rows: orgCells, fills: chron.orgChanges.map((c) => c.colour), widths: ORG_WIDTHS },
        ]);
  if (input.pseudonymise) {
    // Checked on the produced bytes, read back. The Date column is the chronology itself (an event on
    // the day of a birth is still that event's date); every other cell is scanned, both sheets.
    const leaks = findLeaks(producedCells(bytes, input.format), chron.exportRegister, exp.leakOptions);
    if (leaks.length > 0) {
      await deps.audit.record({ type: 'export.refused', actorId: input.actorId, reviewId: input.reviewId, reason: 'leak-check' });
      throw new HttpError(422, 'leak-found', describeLeaks(leaks), { places: [...new Set(leaks.map((l) => l.place))] });
    }
  }
  await deps.audit.record({
    type: 'export.downloaded',
    actorId: input.actorId,
    reviewId: input.reviewId,
    reason: `chronology-${input.format}-${input.pseudonymise ? 'pseudo' : 'named'}`,
  });
  if (input.format === 'csv') return { bytes, filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', skipped: chron.skipped };
  return { bytes, filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', skipped: chron.skipped };
}
