import type { ReportDraft } from '../../../shared/report/draft.js';
import type { Rag } from './draftReducer.js';

/** RAG ratings in words, so colour is never the only cue (Document 20's "Progress update (and RAG rating)"). */
export const RAG_OPTIONS: readonly { value: Rag; label: string }[] = [
  { value: 'not-started', label: 'Not started' },
  { value: 'red', label: 'Red' },
  { value: 'amber', label: 'Amber' },
  { value: 'green', label: 'Green' },
];

/** Longest piece of a learning point or recommendation quoted in a choice label. */
export const SHORT_TEXT_CHARS = 80;

/** The first `max` characters of `s` on one line, with an ellipsis when cut. */
export function shorten(s: string, max = SHORT_TEXT_CHARS): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}\u2026` : one;
}

/** "Theme 2: Information sharing", or "Theme 2 (no title yet)". */
export function themeLabel(d: ReportDraft, id: string): string {
  const i = d.themes.findIndex((t) => t.id === id);
  if (i < 0) return 'No theme';
  const title = shorten(d.themes[i]!.title);
  return title ? `Theme ${i + 1}: ${title}` : `Theme ${i + 1} (no title yet)`;
}

/** "Learning Point 1: …", numbered as the report numbers them. */
export function learningPointLabel(d: ReportDraft, id: string): string {
  const i = d.learningPoints.findIndex((lp) => lp.id === id);
  if (i < 0) return 'A learning point that has been removed';
  const text = shorten(d.learningPoints[i]!.text);
  return text ? `Learning Point ${i + 1}: ${text}` : `Learning Point ${i + 1} (not written yet)`;
}

/** "Recommendation 1: …", numbered as the report numbers them. */
export function recommendationLabel(d: ReportDraft, id: string): string {
  const i = d.recommendations.findIndex((r) => r.id === id);
  if (i < 0) return 'A recommendation that has been removed';
  const text = shorten(d.recommendations[i]!.text);
  return text ? `Recommendation ${i + 1}: ${text}` : `Recommendation ${i + 1} (not written yet)`;
}
