import { describe, expect, it } from 'vitest';
import { blankEntry, blankTeamFields, sortEntries, type ChronologyDate, type IntegratedRow } from '../../../shared/chronology/index.js';
import { localDay } from '../../../client/src/chronology/timelineItems.js';
import { CLUSTER_ID_PREFIX, DAY_MS, ITEM_MAX_PX, MAX_PER_SLOT, SLOT_PX, fullExtent, itemsForViewport, rowSpanMs, slotMs } from '../../../client/src/chronology/timelineWindow.js';

const POL = 'PPPPPPPPPPPPPPPPPPPPPP';
const ICB = 'IIIIIIIIIIIIIIIIIIIIII';
let n = 0;
const row = (agencyId: string, date: ChronologyDate, keyLearning = false): IntegratedRow => ({
  ...blankEntry(`row-${String(n++).padStart(18, '0')}`, agencyId, date),
  keyEvent: 'Visit',
  agencyCode: agencyId === POL ? 'POL' : 'ICB',
  agencyName: 'x',
  colour: '#cfe2ff',
  team: { ...blankTeamFields(), keyLearning },
});
const day = (y: number, m: number, d: number): ChronologyDate => ({ precision: 'day', year: y, month: m, day: d, uncertainty: 'none' });
const ms = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('rowSpanMs and fullExtent', () => {
  it('covers whole local days, months and years', () => {
    expect(rowSpanMs({ date: day(2019, 3, 12) })).toEqual({ start: ms(2019, 3, 12), end: ms(2019, 3, 13) });
    expect(rowSpanMs({ date: { precision: 'year', year: 2017, month: null, day: null, uncertainty: 'circa' } })).toEqual({ start: ms(2017, 1, 1), end: ms(2018, 1, 1) });
  });

  it('spans every row and phase with a little room, at least a month, or null when empty', () => {
    const e = fullExtent([{ date: day(2010, 1, 1) }, { date: day(2020, 1, 1) }], [{ id: 'p', title: 'P', start: '2021-01-01', end: '2021-12-31' }])!;
    expect(e.start).toBeLessThan(ms(2010, 1, 1));
    expect(e.end).toBeGreaterThan(ms(2022, 1, 1));
    const one = fullExtent([{ date: day(2019, 3, 12) }], [])!;
    expect(one.end - one.start).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(one.start).toBeLessThan(ms(2019, 3, 12));
    expect(fullExtent([], [])).toBeNull();
  });

  it('reaches far enough past the last date, given the width, for the last item to be drawn whole', () => {
    const rows = [{ date: day(2010, 1, 1) }, { date: day(2020, 1, 1) }];
    const width = 1_000;
    const e = fullExtent(rows, [], width)!;
    // Where the last item starts on screen, plus its widest, is still inside the drawing.
    const lastPx = ((ms(2020, 1, 1) - e.start) / (e.end - e.start)) * width;
    expect(lastPx + ITEM_MAX_PX).toBeLessThanOrEqual(width + 0.5);
    expect(e.end).toBeGreaterThan(fullExtent(rows, [])!.end);
  });
});

describe('slotMs', () => {
  it('is the time a slot of the screen stands for, rounded up to a power of two of days', () => {
    // 1,000 days over 960 pixels: 96 pixels are 100 days, rounded up to 128.
    expect(slotMs(1_000 * DAY_MS, 960)).toBe(128 * DAY_MS);
    expect(slotMs(10 * DAY_MS, 960)).toBe(DAY_MS);
    // Zooming in a little keeps the same slots, so clusters do not flicker.
    expect(slotMs(900 * DAY_MS, 960)).toBe(slotMs(1_000 * DAY_MS, 960));
    expect(SLOT_PX).toBeGreaterThan(0);
  });
});

describe('itemsForViewport', () => {
  it('shows every row one by one when they are spread out', () => {
    const rows = sortEntries([row(POL, day(2019, 1, 1)), row(POL, day(2019, 6, 1)), row(ICB, day(2019, 3, 1))]);
    const items = itemsForViewport(rows, [], { start: ms(2018, 12, 1), end: ms(2019, 7, 1), widthPx: 1_000 });
    expect(items.map((i) => i.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('clusters one agency’s crowded rows into one item that counts them, keeping other agencies apart', () => {
    const crowded = Array.from({ length: MAX_PER_SLOT + 2 }, (_, i) => row(POL, day(2019, 3, 1 + i), i === 0));
    const other = row(ICB, day(2019, 3, 2));
    const items = itemsForViewport(sortEntries([...crowded, other]), [], { start: ms(2010, 1, 1), end: ms(2024, 1, 1), widthPx: 1_000 });
    const cluster = items.find((i) => i.id.startsWith(CLUSTER_ID_PREFIX))!;
    expect(cluster).toMatchObject({ group: POL, type: 'range', className: 'tl-item tl-cluster tl-item--key' });
    expect(cluster.label).toMatchObject({ kind: 'cluster', code: 'POL', count: MAX_PER_SLOT + 2, keyCount: 1, from: '01/03/2019', to: '05/03/2019' });
    // Opening the cluster takes keyboard focus to its earliest row.
    expect(cluster.label).toMatchObject({ firstRowId: crowded[0]!.id });
    expect(items.filter((i) => i.id === other.id)).toHaveLength(1);
    expect(items).toHaveLength(2);
  });

  it('leaves out rows more than a window’s width away, and always includes the phases', () => {
    const near = row(POL, day(2019, 3, 1));
    const far = row(POL, day(2005, 1, 1));
    const items = itemsForViewport(sortEntries([far, near]), [{ id: 'p', title: 'Phase', start: '1990-01-01', end: '1990-02-01' }], {
      start: ms(2019, 1, 1),
      end: ms(2020, 1, 1),
      widthPx: 1_000,
    });
    expect(items.map((i) => i.id)).toEqual(['phase:p', near.id]);
  });

  it('gives a bounded number of items for 5,000 rows at any zoom', () => {
    const rows = sortEntries(Array.from({ length: 5_000 }, (_, i) => row(i % 2 ? POL : ICB, day(2008 + (i % 16), 1 + (i % 12), 1 + (i % 28)))));
    for (const [start, end] of [
      [ms(2007, 1, 1), ms(2025, 1, 1)],
      [ms(2015, 1, 1), ms(2016, 1, 1)],
      [ms(2015, 3, 1), ms(2015, 3, 20)],
    ] as const) {
      const items = itemsForViewport(rows, [], { start, end, widthPx: 1_000 });
      // Three windows' width of slots, per agency, each at most MAX_PER_SLOT items.
      expect(items.length).toBeLessThanOrEqual(2 * MAX_PER_SLOT * (3 * Math.ceil(1_000 / SLOT_PX) + 2));
      expect(items.length).toBeGreaterThan(0);
    }
    expect(localDay('2019-01-01').getTime()).toBe(ms(2019, 1, 1));
  });
});
