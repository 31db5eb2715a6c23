import { describe, expect, it } from 'vitest';
import { matchRanges, searchTerms } from '../../../shared/chronology/index.js';

describe('matchRanges', () => {
  it('finds every search word in the text as shown, ignoring case and curly apostrophes', () => {
    const text = 'Mother\u2019s home visit; MOTHER said';
    expect(matchRanges(text, searchTerms("mother's"))).toEqual([[0, 8]]);
    expect(matchRanges(text, searchTerms('mother visit'))).toEqual([
      [0, 6],
      [14, 19],
      [21, 27],
    ]);
  });

  it('merges matches that overlap or touch, and finds nothing without words', () => {
    expect(matchRanges('aaaa', searchTerms('aa'))).toEqual([[0, 4]]);
    expect(matchRanges('some text', [])).toEqual([]);
    expect(matchRanges('', searchTerms('x'))).toEqual([]);
    expect(matchRanges('no match here', searchTerms('zebra'))).toEqual([]);
  });

  it('maps matches back across characters that fold to more than one', () => {
    // The ligature \ufb01 folds to "fi" (NFKC): a match inside it highlights the whole character.
    const text = 'a \ufb01le note';
    const [[s, e]] = matchRanges(text, searchTerms('file')) as [[number, number]];
    expect(text.slice(s, e)).toBe('\ufb01le');
  });
});
