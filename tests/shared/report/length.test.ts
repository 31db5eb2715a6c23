import { describe, expect, it } from 'vitest';
import { countWords, executiveSummaryLength, EXECUTIVE_SUMMARY_MAX_WORDS } from '../../../shared/report/index.js';

describe('executive summary length', () => {
  it.each([
    ['', 0],
    ['   \n\n ', 0],
    ['Child T lived with Mother.', 5],
    ['Two\u00a0paragraphs.\n\nThe second one, with a dash – here.', 9],
    ['S47 enquiry; ICB-led review', 4],
  ])('counts %j as %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it('is over two pages only past the limit', () => {
    const at = Array.from({ length: EXECUTIVE_SUMMARY_MAX_WORDS }, () => 'word').join(' ');
    expect(executiveSummaryLength(at)).toEqual({ words: 1000, max: 1000, over: false });
    expect(executiveSummaryLength(`${at} more`).over).toBe(true);
  });
});
