import { describe, expect, it } from 'vitest';
import { blankEntry, blankTeamFields, type ChronologyDate, type IntegratedRow } from '../../../shared/chronology/index.js';
import { filenameFrom } from '../../../client/src/chronology/chronologyApi.js';
import {
  ITEM_EVENT_CHARS,
  ITEM_SHORT_CHARS,
  PHASE_ID_PREFIX,
  diffItems,
  itemSignature,
  localDay,
  phaseItem,
  rowItem,
  shiftWindow,
  shorten,
} from '../../../client/src/chronology/timelineItems.js';

const AGENCY = 'AAAAAAAAAAAAAAAAAAAAAA';
const row = (id: string, date: ChronologyDate, over: Partial<IntegratedRow> = {}): IntegratedRow => ({
  ...blankEntry(id, AGENCY, date),
  agencyCode: 'POL',
  agencyName: 'Police',
  colour: '#cfe2ff',
  team: blankTeamFields(),
  keyEvent: 'Home visit',
  ...over,
});
const day: ChronologyDate = { precision: 'day', year: 2019, month: 3, day: 12, uncertainty: 'none' };

describe('rowItem', () => {
  it('puts an exact day as a box in its agency lane, in the agency colour, labelled with code and date', () => {
    const item = rowItem(row('r1', day));
    expect(item).toMatchObject({ id: 'r1', group: AGENCY, type: 'box', className: 'tl-item', style: 'background-color: #cfe2ff;', content: '' });
    expect(item.start).toEqual(new Date(2019, 2, 12));
    expect(item.end).toBeUndefined();
    expect(item.label).toEqual({
      kind: 'row',
      rowId: 'r1',
      code: 'POL',
      date: '12/03/2019',
      keyLearning: false,
      uncertain: false,
      event: 'Home visit',
      short: 'Home visit',
      day: new Date(2019, 2, 12).getTime(),
    });
  });

  it('draws a month or year as a range over the whole period, marked uncertain when it is', () => {
    const item = rowItem(row('r2', { precision: 'month', year: 2019, month: 2, day: null, uncertainty: 'query' }));
    expect(item).toMatchObject({ type: 'range', className: 'tl-item tl-item--uncertain' });
    expect(item.start).toEqual(new Date(2019, 1, 1));
    expect(item.end).toEqual(new Date(2019, 2, 1));
    expect(item.label).toMatchObject({ date: '02/2019?', uncertain: true });
  });

  it('emphasises a key practice learning event with a class and in its label', () => {
    const item = rowItem(row('r3', day, { team: { ...blankTeamFields(), keyLearning: true } }));
    expect(item.className).toBe('tl-item tl-item--key');
    expect(item.label).toMatchObject({ keyLearning: true });
  });

  it('never puts case text into the style, and shortens long events', () => {
    const item = rowItem(row('r4', day, { colour: 'red;background:url(x)', keyEvent: 'word '.repeat(40) }));
    expect(item.style).toBe('background-color: #e3e3e3;');
    const label = item.label as { event: string };
    expect(label.event.length).toBeLessThanOrEqual(ITEM_EVENT_CHARS);
    expect(label.event.endsWith('…')).toBe(true);
    const short = (item.label as { short: string }).short;
    expect(short.length).toBeLessThanOrEqual(ITEM_SHORT_CHARS);
    expect(short.endsWith('…')).toBe(true);
  });
});

describe('phaseItem', () => {
  it('is a background range over whole days, with a prefixed id that cannot clash with a row', () => {
    const item = phaseItem({ id: 'early', title: 'The early months', start: '2019-01-01', end: '2019-06-30' }, 1);
    expect(item).toMatchObject({ id: `${PHASE_ID_PREFIX}early`, type: 'background', className: 'tl-phase tl-phase--odd' });
    expect(item.group).toBeUndefined();
    expect(item.start).toEqual(new Date(2019, 0, 1));
    expect(item.end).toEqual(new Date(2019, 6, 1));
    expect(item.label).toEqual({ kind: 'phase', title: 'The early months', range: '01/01/2019 to 30/06/2019' });
  });
});

describe('diffItems', () => {
  it('adds new items, updates changed ones, removes gone ones, and leaves the rest alone', () => {
    const a = rowItem(row('a', day));
    const b = rowItem(row('b', day));
    const shown = new Map([
      [a.id, itemSignature(a)],
      [b.id, itemSignature(b)],
      ['gone', 'x'],
    ]);
    const b2 = rowItem(row('b', day, { keyEvent: 'Changed' }));
    const c = rowItem(row('c', day));
    const { upsert, remove, signatures } = diffItems(shown, [a, b2, c]);
    expect(upsert.map((i) => i.id)).toEqual(['b', 'c']);
    expect(remove).toEqual(['gone']);
    expect([...signatures.keys()]).toEqual(['a', 'b', 'c']);
  });
});

describe('helpers', () => {
  it('moves the window by a fraction of its width', () => {
    const { start, end } = shiftWindow(new Date(2019, 0, 1), new Date(2019, 0, 11), 0.3);
    expect(start).toEqual(new Date(2019, 0, 4));
    expect(end).toEqual(new Date(2019, 0, 14));
  });

  it('gives local midnight, with days added across a month end', () => {
    expect(localDay('2019-02-28', 1)).toEqual(new Date(2019, 2, 1));
  });

  it('shortens at a word boundary', () => {
    expect(shorten('one two three', 20)).toBe('one two three');
    expect(shorten('alpha beta gamma delta', 12)).toBe('alpha beta…');
  });

  it('reads the export file name from Content-Disposition, with a fallback', () => {
    expect(filenameFrom('attachment; filename="chronology-pseudonymised.csv"', 'x.csv')).toBe('chronology-pseudonymised.csv');
    expect(filenameFrom(null, 'chronology.csv')).toBe('chronology.csv');
  });
});
