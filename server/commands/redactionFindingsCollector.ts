import type { Finding, OutgoingText, Pipeline } from '../../shared/pseudonymise/index.js';

/** How much text either side of a finding the reviewer sees. */
export const CONTEXT_CHARS = 80;

/** Most distinct findings returned for one output; beyond it the reviewer works in batches. */
export const MAX_REVIEW_ITEMS = 2_000;

/** A replacement as the redaction review lists it. */
export type ReplacementItem = { id: string; text: string; replacement: string; place: string; kind: string; before: string; after: string; occurrences: number; decided: boolean };

/** A flag as the redaction review lists it. */
export type FlagItem = { id: string; text: string; place: string; kind: string; suggestion: string; before: string; after: string; occurrences: number; decided: boolean };

/**
 * Every replacement and flag the pipeline makes in an output's raw texts, one item per finding id (the
 * same text recurring is decided once), with its first place, the text around it and how often it
 * occurs. `replacement` is what the export will hold after any decision.
 */
export function collectFindings(pipeline: Pipeline, texts: readonly OutgoingText[]): { replacements: ReplacementItem[]; flags: FlagItem[] } {
  const items = new Map<string, { f: Finding; text: string; place: string; before: string; after: string; occurrences: number }>();
  for (const { place, text } of texts) {
    if (!text) continue;
    for (const f of pipeline.analyse(text).findings) {
      const seen = items.get(f.id);
      if (seen) {
        seen.occurrences++;
        continue;
      }
      if (items.size >= MAX_REVIEW_ITEMS) continue;
      items.set(f.id, {
        f,
        place,
        occurrences: 1,
        text: text.slice(f.start, f.end),
        before: text.slice(Math.max(0, f.start - CONTEXT_CHARS), f.start),
        after: text.slice(f.end, f.end + CONTEXT_CHARS),
      });
    }
  }
  const replacements: ReplacementItem[] = [];
  const flags: FlagItem[] = [];
  for (const { f, text, place, before, after, occurrences } of items.values()) {
    if (f.flag) flags.push({ id: f.id, text, place, kind: f.kind, suggestion: f.proposed, before, after, occurrences, decided: f.decided });
    else replacements.push({ id: f.id, text, replacement: f.replacement, place, kind: f.kind, before, after, occurrences, decided: f.decided });
  }
  return { replacements, flags };
}
