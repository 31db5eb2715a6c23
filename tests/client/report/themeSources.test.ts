import { describe, expect, it } from 'vitest';
import { eventChoices, promptChoices } from '../../../client/src/report/themeSources.js';
import type { ChronologyRowView } from '../../../client/src/report/reportApi.js';

const row = (id: string, keyLearning: boolean, keyEvent: string, day = 5): ChronologyRowView => ({
  id,
  agencyCode: 'POL',
  keyEvent,
  team: { keyLearning },
  date: { precision: 'day', year: 2021, month: 6, day, uncertainty: 'none' },
});

describe('eventChoices', () => {
  it('offers the key practice learning events in the chronology\u2019s order, labelled with date and agency', () => {
    const rows = [row('a', true, 'Police attended.', 5), row('b', false, 'Routine visit.', 6), row('c', true, 'Strategy\n  meeting held.', 7)];
    expect(eventChoices(rows, [])).toEqual([
      { id: 'a', label: '05/06/2021 (POL): Police attended.', note: null },
      { id: 'c', label: '07/06/2021 (POL): Strategy meeting held.', note: null },
    ]);
  });

  it('keeps chosen events that are no longer key learning or no longer exist, so they can be cleared', () => {
    const rows = [row('a', true, 'A'), row('b', false, 'B')];
    const out = eventChoices(rows, ['b', 'gone']);
    expect(out.map((c) => c.id)).toEqual(['a', 'b', 'gone']);
    expect(out[1]!.note).toMatch(/No longer marked/);
    expect(out[2]).toEqual({ id: 'gone', label: 'An event that is no longer in the chronology', note: 'It will not appear in the report' });
  });

  it('shortens long events', () => {
    const [c] = eventChoices([row('a', true, 'x'.repeat(500))], []);
    expect(c!.label.length).toBeLessThan(200);
    expect(c!.label.endsWith('\u2026')).toBe(true);
  });
});

describe('promptChoices', () => {
  const setup = {
    date: '2026-12-01',
    startTime: '10:00',
    agenda: [{ id: 'intro', time: '10:00', title: 'Introductions', lead: '' }],
    phases: [{ id: 'p1', title: 'Pregnancy', start: '2019-01-01', end: '2019-06-01' }],
    lessons: [{ id: 'l1', text: 'Lesson one' }],
    worksheets: { w1: ['What went well?'], w2: 'What stood out?', w3: 'Do you agree?', w4: ['Did you feel supported?'] },
    k: 3,
  };

  it('offers the first workshop\u2019s prompts, the ones the report quotes', () => {
    const { prompts, unreadable } = promptChoices([
      { id: 'w', setup },
      { id: 'other', setup: {} },
    ]);
    expect(unreadable).toBe(false);
    expect(prompts.map((p) => p.id)).toEqual(['w1-1', 'w2-p1', 'w3-l1', 'w4-1']);
    expect(prompts[0]!.label).toBe('Worksheet 1, question 1: What went well?');
  });

  it('offers nothing without a workshop, and says so when the set-up cannot be read', () => {
    expect(promptChoices([])).toEqual({ prompts: [], unreadable: false });
    expect(promptChoices([{ id: 'w', setup: { date: 'nope' } }])).toEqual({ prompts: [], unreadable: true });
  });
});
