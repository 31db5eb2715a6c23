import { describe, expect, it } from 'vitest';
import { AGENCY_PALETTE } from '../../../shared/palette.js';
import { colourName } from '../../../client/src/lib/colours.js';
import { REVIEW_KIND_HINTS, REVIEW_KIND_LABELS, showDate } from '../../../client/src/lib/labels.js';

describe('showDate', () => {
  it('shows ISO dates as DD/MM/YYYY', () => {
    expect(showDate('2026-11-09')).toBe('09/11/2026');
    expect(showDate('1999-01-31')).toBe('31/01/1999');
  });

  it("says when a date is not recorded, in the caller's words if given", () => {
    expect(showDate(null)).toBe('Not recorded');
    expect(showDate(undefined)).toBe('Not recorded');
    expect(showDate('', 'Not known')).toBe('Not known');
  });

  it('shows anything that is not an ISO date as it is rather than guessing', () => {
    expect(showDate('March 2019')).toBe('March 2019');
  });
});

describe('review kind labels', () => {
  it('labels both kinds the way the field says them', () => {
    expect(REVIEW_KIND_LABELS).toEqual({ 'rapid-review': 'Rapid Review', lcspr: 'LCSPR' });
    expect(REVIEW_KIND_HINTS['rapid-review']).toMatch(/15 working days/);
  });
});

describe('colourName', () => {
  it('names every palette colour, whatever the case of the fill', () => {
    for (const c of AGENCY_PALETTE) {
      expect(colourName(c.fill)).toBe(c.name);
      expect(colourName(c.fill.toUpperCase())).toBe(c.name);
    }
  });

  it('names an unknown fill as a custom colour', () => {
    expect(colourName('#123456')).toBe('Custom colour');
  });
});
