import * as Y from 'yjs';
import { docName } from '../../shared/docNames.js';
import { readPeople } from '../../shared/peopleDoc.js';
import {
  childContactCell,
  familyContactCell,
  formatChronologyDate,
  planImport,
  readEntries,
  writeEntries,
  CATEGORY_LABELS,
  type RejectedRow,
} from '../../shared/chronology/index.js';
import { HttpError } from '../http/errors.js';
import type { AuditLog } from '../audit/AuditLog.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { parseUpload } from '../formats/uploadParser.js';

/** What an import (or its dry run) reports. */
export type ImportReport = {
  imported: number;
  duplicates: number;
  rejected: RejectedRow[];
  /**
   * Every row that would be (or was) imported, every column as it will be stored and exported: the
   * contact cells as the export writes them, and Other information with the unknown columns' words.
   */
  preview: {
    date: string;
    time: string | null;
    source: string;
    childContact: string;
    familyContact: string;
    event: string;
    comment: string;
    category: string;
    otherInfo: string;
  }[];
  /** Headers of the file's columns no field takes; their cells are kept in each row's Other information. */
  unknownColumns: string[];
};

/**
 * Imports an agency's Document 10 spreadsheet into that agency's chronology document. The dry run
 * only plans. A real import writes every planned entry as one Yjs update through the live document,
 * so it is all or nothing, connected editors see it at once, and it resolves only once durable.
 */
export async function importChronology(
  deps: { sync: SyncServer; audit: AuditLog },
  input: { reviewId: string; agencyId: string; agencyCode: string; actorId: string; bytes: Uint8Array; filename: string; dryRun: boolean; pivotYear: number },
): Promise<ImportReport> {
  const rows = await parseUpload(input.bytes, input.filename);
  const name = docName({ reviewId: input.reviewId, kind: 'chronology', agencyId: input.agencyId });
  const current = await deps.sync.snapshot(name);
  const peopleDoc = await deps.sync.snapshot(docName({ reviewId: input.reviewId, kind: 'people' }));
  const existingIds = new Set(readEntries(current, input.agencyId).map((e) => e.id));
  const people = readPeople(peopleDoc);
  peopleDoc.destroy();
  const names = new Map(people.map((p) => [p.id, p.name]));
  const plan = planImport(rows, { agencyId: input.agencyId, agencyCode: input.agencyCode, people, existingIds, currentYear: input.pivotYear });
  if ('error' in plan) {
    current.destroy();
    throw new HttpError(400, 'import-unreadable', plan.error);
  }
  const report: ImportReport = {
    imported: plan.entries.length,
    duplicates: plan.duplicates,
    rejected: plan.rejected,
    preview: plan.entries.map((e) => ({
      date: formatChronologyDate(e.date),
      time: e.time,
      source: e.source,
      childContact: childContactCell(e.childContact, e.childContactBy),
      familyContact: familyContactCell(
        e.familyContactIds.map((id) => names.get(id) ?? ''),
        e.familyContactBy,
      ),
      event: e.keyEvent,
      comment: e.comment,
      category: CATEGORY_LABELS[e.category],
      otherInfo: e.otherInfo ?? '',
    })),
    unknownColumns: plan.unknownColumns,
  };
  if (input.dryRun || plan.entries.length === 0) {
    current.destroy();
    return input.dryRun ? report : { ...report, imported: 0 };
  }
  const before = Y.encodeStateVector(current);
  writeEntries(current, input.agencyId, plan.entries);
  const update = Y.encodeStateAsUpdate(current, before);
  current.destroy();
  await deps.sync.applyUpdate(name, update, input.actorId);
  await deps.audit.record({ type: 'chronology.imported', actorId: input.actorId, reviewId: input.reviewId, targetId: input.agencyId });
  return report;
}
