import v8 from 'node:v8';

/**
 * Memory a loaded doc holds per byte of its encoded (stored) size: Yjs keeps an object per item, its
 * id, its content and, for each nested map and text, its own event handlers, so a chronology of
 * 200-row docs holds about 12–14× its encoded size (docs/performance.md, "Memory per document").
 * The budget counts loaded docs with this estimate, so that it is cheap and deterministic.
 */
export const DOC_MEMORY_PER_ENCODED_BYTE = 14;

/** What a loaded doc costs besides its content: the room, its gate, presence and the empty Y.Doc. */
export const DOC_MEMORY_OVERHEAD_BYTES = 16 * 1024;

/**
 * The share of V8's heap limit loaded docs may take when DOC_MEMORY_BUDGET_MB is not set: half, so
 * that exports, imports and connections keep the other half and the process never nears the limit.
 */
export const DOC_MEMORY_BUDGET_SHARE = 0.5;

/** The default budget for loaded docs, in bytes: DOC_MEMORY_BUDGET_SHARE of this process's heap limit. */
export function defaultDocMemoryBudget(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit * DOC_MEMORY_BUDGET_SHARE);
}

/** The estimated memory of a loaded doc whose stored form (snapshot plus log) is `encodedBytes`. */
export function docMemoryEstimate(encodedBytes: number): number {
  return DOC_MEMORY_OVERHEAD_BYTES + encodedBytes * DOC_MEMORY_PER_ENCODED_BYTE;
}

/** One loaded doc as the budget sees it; `lastUsed` grows with use, `unloadable` when nobody holds it. */
export type BudgetedDoc = { name: string; bytes: number; lastUsed: number; unloadable: boolean };

/**
 * The docs to unload so that the loaded docs fit in `budgetBytes`: the coldest unloadable ones
 * first (least recently used), and no more than needed. Docs with connections, or being read, stay;
 * when they alone exceed the budget, every unloadable doc goes and the rest stays over.
 */
export function docsToUnload(docs: readonly BudgetedDoc[], budgetBytes: number): string[] {
  let total = docs.reduce((n, d) => n + d.bytes, 0);
  if (total <= budgetBytes) return [];
  const out: string[] = [];
  for (const d of docs.filter((x) => x.unloadable).sort((a, b) => a.lastUsed - b.lastUsed)) {
    if (total <= budgetBytes) break;
    out.push(d.name);
    total -= d.bytes;
  }
  return out;
}
