import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreNeutralisedCell, safeCellText, stripIllegalXmlChars } from '../../../server/formats/cellSafety.js';

describe('neutraliseCell', () => {
  it('prefixes every formula trigger with an apostrophe', () => {
    const risky = ['=1+1', '+44 7700 900123', '-2', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")', '＝1', '＋1', '－1', '＠A'];
    expect(risky.map(neutraliseCell)).toEqual(risky.map((t) => `'${t}`));
  });

  it('leaves other text alone, including triggers that are not the first character', () => {
    const safe = ['', 'a=1', ' =1', '1-2', 'Seen at home', "'already", '\n=1', '£5', 'Zoë'];
    expect(safe.map(neutraliseCell)).toEqual(safe);
  });

  it('is idempotent, and restoreNeutralisedCell undoes it', () => {
    for (const t of ['=1', '-', '@x', 'plain', "'=1"]) {
      expect(neutraliseCell(neutraliseCell(t))).toBe(neutraliseCell(t));
    }
    expect(['=1', '-note', 'plain', "'quoted"].map((t) => restoreNeutralisedCell(neutraliseCell(t)))).toEqual(['=1', '-note', 'plain', "'quoted"]);
  });
});

describe('stripIllegalXmlChars / safeCellText', () => {
  it('removes characters XML 1.0 cannot hold and keeps tab, newlines and astral characters', () => {
    expect(stripIllegalXmlChars('a\u0000b\u0007c\u000bd\ufffee\uffff\tf\ng\rh🙂')).toBe('abcde\tf\ng\rh🙂');
    expect(stripIllegalXmlChars('x\ud800y\udc00z')).toBe('xyz');
  });

  it('strips before neutralising, so a control character cannot hide a trigger', () => {
    expect(safeCellText('\u0001=1+1')).toBe("'=1+1");
  });
});
