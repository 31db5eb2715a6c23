import { describe, expect, it } from 'vitest';
import { initials, presenceFrom } from '../../../client/src/lib/presence.js';

describe('presenceFrom', () => {
  const states = (entries: [number, Record<string, unknown>][]) => new Map(entries);

  it('names others only from the server-set user.name and the local client from the session', () => {
    const list = presenceFrom(
      states([
        [7, { user: { name: 'Bea Team' }, editing: 'p1' }],
        [3, { editing: null }], // the local state never carries the server's name
      ]),
      3,
      'Ann Lead',
    );
    expect(list).toEqual([
      { clientId: 3, name: 'Ann Lead', editing: null, isSelf: true },
      { clientId: 7, name: 'Bea Team', editing: 'p1', isSelf: false },
    ]);
  });

  it('ignores a name the local state claims for itself', () => {
    const [self] = presenceFrom(states([[3, { user: { name: 'Someone Important' } }]]), 3, 'Ann Lead');
    expect(self!.name).toBe('Ann Lead');
  });

  it('shows a state without a usable name as "Someone", and trims names', () => {
    const list = presenceFrom(
      states([
        [1, {}],
        [2, { user: { name: '   ' } }],
        [4, { user: { name: 42 } }],
        [5, { user: 'x' }],
        [6, { user: { name: '  Cal  ' } }],
      ]),
      99,
      'Me',
    );
    expect(list.map((e) => e.name)).toEqual(['Cal', 'Someone', 'Someone', 'Someone', 'Someone']);
  });

  it('keeps only a non-empty string as what is being edited', () => {
    const list = presenceFrom(
      states([
        [1, { user: { name: 'A' }, editing: '' }],
        [2, { user: { name: 'B' }, editing: 12 }],
        [3, { user: { name: 'C' }, editing: 'p9' }],
      ]),
      0,
      'Me',
    );
    expect(list.map((e) => e.editing)).toEqual([null, null, 'p9']);
  });

  it('lists the local client first, then others by name, then by client id', () => {
    const list = presenceFrom(
      states([
        [30, { user: { name: 'Zed' } }],
        [20, { user: { name: 'Amy' } }],
        [10, { user: { name: 'Amy' } }],
        [5, {}],
      ]),
      30,
      'Zed (session)',
    );
    expect(list.map((e) => `${e.clientId}:${e.name}`)).toEqual(['30:Zed (session)', '10:Amy', '20:Amy', '5:Someone']);
  });

  it('skips removed (null) states', () => {
    const map = new Map<number, Record<string, unknown>>([
      [1, null as unknown as Record<string, unknown>],
      [2, { user: { name: 'B' } }],
    ]);
    expect(presenceFrom(map, 0, 'Me').map((e) => e.clientId)).toEqual([2]);
  });

  it('returns an empty list for no states', () => {
    expect(presenceFrom(new Map(), 1, 'Me')).toEqual([]);
  });
});

describe('initials', () => {
  it.each([
    ['Alice Smith', 'AS'],
    ['alice', 'A'],
    ['  mary   jane  watson ', 'MW'],
    ['', '?'],
    ['   ', '?'],
    ['Ødegaard Ola', 'ØO'],
    ['Chris Lowe (demo)', 'CL'],
    ['(demo)', '?'],
    ['Jo O\u2019Neil-Smith', 'JO'],
  ])('%j gives %j', (name, want) => {
    expect(initials(name)).toBe(want);
  });
});
