import { describe, expect, it } from 'vitest';
import { defaultSetup, type WorkshopSetup } from '../../../shared/workshop/workshop.js';
import { formFromSetup, isDirty, lockedItems, minimumK, moveItem, nextId, parseTime, setupFromForm } from '../../../client/src/workshop/setupForm.js';

const saved: WorkshopSetup = {
  ...defaultSetup('2026-12-01'),
  phases: [{ id: 'phase-1', title: 'Pregnancy and birth', start: '2019-01-01', end: '2019-12-31' }],
  lessons: [{ id: 'lesson-1', text: 'Fathers were invisible to services.' }],
};

describe('set-up form', () => {
  it('round-trips a set-up through the form, showing dates as DD/MM/YYYY', () => {
    const f = formFromSetup(saved);
    expect(f.date).toBe('01/12/2026');
    expect(f.phases[0]).toEqual({ id: 'phase-1', title: 'Pregnancy and birth', start: '01/01/2019', end: '31/12/2019' });
    expect(f.agenda[0]).toMatchObject({ time: '09:45', title: 'Registration' });
    expect(f.k).toBe('3');
    const back = setupFromForm(f, saved, false);
    expect(back).toEqual({ ok: true, setup: saved });
    expect(isDirty(f, saved)).toBe(false);
    expect(isDirty({ ...f, k: '4' }, saved)).toBe(true);
  });

  it('reads times and dates as people type them', () => {
    expect(parseTime('9:45')).toBe('09:45');
    expect(parseTime('13.00')).toBe('13:00');
    expect(parseTime('24:00')).toBeNull();
    const f = { ...formFromSetup(saved), date: '2/3/2027', startTime: '9:30' };
    const r = setupFromForm(f, saved, false);
    expect(r.ok && [r.setup.date, r.setup.startTime]).toEqual(['2027-03-02', '09:30']);
  });

  it('lists every problem with the field to fix', () => {
    const f = formFromSetup(saved);
    const bad = {
      ...f,
      date: '31/02/2026',
      startTime: 'ten',
      agenda: [{ ...f.agenda[0]!, time: '9', title: ' ' }],
      phases: [{ id: 'phase-1', title: '', start: '01/06/2020', end: '01/01/2020' }],
      lessons: [{ id: 'lesson-1', text: '  ' }],
      w1: ['ok', ''],
      w2: '',
      w4: [],
      k: '2',
    };
    const r = setupFromForm(bad, saved, false);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.fieldId)).toEqual([
      'setup-date',
      'setup-time',
      'agenda-0-time',
      'agenda-0-title',
      'phase-0-title',
      'phase-0-end',
      'lesson-0',
      'w1-1',
      'w4-add',
      'w2',
      'setup-k',
    ]);
    expect(r.errors.find((e) => e.fieldId === 'phase-0-end')!.message).toBe('Phase 1: the last day must be on or after the first day');
    expect(r.errors.find((e) => e.fieldId === 'setup-k')!.message).toBe('Anonymity threshold: enter a whole number from 3 to 50');
  });

  it('once responses exist, lets k only go up and keeps phases, lessons and questions answers hang from', () => {
    const withK5 = { ...saved, k: 5 };
    expect(minimumK(withK5, true)).toBe(5);
    expect(minimumK(withK5, false)).toBe(3);
    const f = formFromSetup(withK5);
    const lower = setupFromForm({ ...f, k: '4' }, withK5, true);
    expect(lower.ok).toBe(false);
    expect(!lower.ok && lower.errors[0]!.message).toMatch(/responses exist, so it can only stay at 5 or go up/);
    expect(setupFromForm({ ...f, k: '4' }, withK5, false).ok).toBe(true);
    expect(setupFromForm({ ...f, k: '6' }, withK5, true).ok).toBe(true);
    const dropped = setupFromForm({ ...f, phases: [] }, withK5, true);
    expect(!dropped.ok && dropped.errors[0]!.message).toBe('Responses exist, so phases and lessons cannot be removed.');
    const fewer = setupFromForm({ ...f, w1: f.w1.slice(1) }, withK5, true);
    expect(fewer.ok).toBe(false);
    expect(lockedItems(withK5, true)).toEqual({ ids: new Set(['phase-1', 'lesson-1']), w1: 5, w4: 5 });
    expect(lockedItems(withK5, false).ids.size).toBe(0);
  });

  it('makes new ids that the server accepts and never reuses one', () => {
    expect(nextId('phase', [])).toBe('phase-1');
    expect(nextId('phase', [{ id: 'phase-2' }])).toBe('phase-3');
    expect(nextId('lesson', [{ id: 'lesson-2' }, { id: 'lesson-3' }])).toBe('lesson-4');
    expect(nextId('item', [{ id: 'item-1' }, { id: 'item-3' }])).toBe('item-4');
    expect(nextId('item', [{ id: 'item-3' }, { id: 'x' }])).toBe('item-4');
  });

  it('moves rows up and down without leaving the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
