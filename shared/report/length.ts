/**
 * The National Panel asks for an executive summary of no more than two A4 pages. The builder counts
 * words rather than pages because the page count depends on Word's layout, which only Word knows.
 */

/** Words that fill about two A4 pages of the report's body text (11 pt, single spacing, with paragraph gaps). */
export const EXECUTIVE_SUMMARY_MAX_WORDS = 1000;

/** Counts words as Word's status bar does: runs between white space, leaving out lone punctuation such as a dash. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The executive summary's length against the two-page limit. */
export function executiveSummaryLength(text: string): { words: number; max: number; over: boolean } {
  const words = countWords(text);
  return { words, max: EXECUTIVE_SUMMARY_MAX_WORDS, over: words > EXECUTIVE_SUMMARY_MAX_WORDS };
}
