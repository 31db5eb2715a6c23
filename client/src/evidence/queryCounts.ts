import {
  REPORT_SECTION_LABELS,
  isQueryOpen,
  isReportSectionKey,
  queryTargetKey,
  templateSectionLabel,
  type EvidenceQuery,
  type QueryTarget,
} from '../../../shared/evidence/index.js';

/**
 * Counting and naming query threads for badges and the waiting list. Pure, so the chronology, the
 * organisational changes and the evidence tab count the same way and tests/client can check it.
 */

/** Unresolved threads per target key ("row:<id>", "change:<id>", …), from the threads the caller may see. */
export function openQueryCounts(queries: readonly EvidenceQuery[]): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const q of queries) {
    if (!isQueryOpen(q)) continue;
    const k = queryTargetKey(q.target);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Every thread, resolved or not, per target key: where there is something to read. */
export function queryThreadCounts(queries: readonly EvidenceQuery[]): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const q of queries) {
    const k = queryTargetKey(q.target);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** The number of unresolved threads on one target. */
export function openQueriesOn(counts: ReadonlyMap<string, number>, target: QueryTarget): number {
  return counts.get(queryTargetKey(target)) ?? 0;
}

/** A badge's words: "1 open query", "3 open queries". */
export function openQueriesText(n: number): string {
  return n === 1 ? '1 open query' : `${n} open queries`;
}

/** What a thread is about, in words for the waiting list ("the learning template, Section 2: …"). */
export function queryTargetText(target: QueryTarget): string {
  switch (target.kind) {
    case 'template-section':
      return `the learning template, ${templateSectionLabel(target.section)}`;
    case 'report-section':
      return `the information report, ${isReportSectionKey(target.section) ? REPORT_SECTION_LABELS[target.section] : target.section}`;
    case 'chronology-row':
      return 'a chronology row';
    case 'org-change':
      return 'an organisational change';
  }
}
