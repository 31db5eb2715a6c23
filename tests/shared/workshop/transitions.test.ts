import { describe, expect, it } from 'vitest';
import { applyControl, checkSetupChange } from '../../../shared/workshop/transitions.js';
import { defaultSetup, INITIAL_STATE, MIN_K } from '../../../shared/workshop/workshop.js';
import { allPrompts, openPromptIds } from '../../../shared/workshop/prompts.js';
import { coarseCount, coarseCountText, countTowardsK, promptsEndingPhase, shuffle } from '../../../shared/workshop/anonymity.js';

const setup = { ...defaultSetup('2026-12-01'), phases: [{ id: 'p1', title: 'Early years', start: '2019-01-01', end: '2020-12-31' }], lessons: [{ id: 'l1', text: 'Lesson' }] };
const step = (state: typeof INITIAL_STATE, c: Parameters<typeof applyControl>[2]) => {
  const r = applyControl(setup, state, c, '2026-12-01T10:00Z');
  if (!r.ok) throw new Error(r.reason);
  return r.state;
};

describe('workshop state machine', () => {
  it('opens worksheet 1 on publication and closes it when the meeting starts', () => {
    const open = step(INITIAL_STATE, { action: 'publish' });
    expect([...openPromptIds(setup, open)]).toEqual(['w1-1', 'w1-2', 'w1-3', 'w1-4', 'w1-5']);
    const live = step(open, { action: 'start' });
    expect(openPromptIds(setup, live).size).toBe(0);
    const phase = step(live, { action: 'share-phase', phaseId: 'p1' });
    expect([...openPromptIds(setup, phase)]).toEqual(['w2-p1']);
    const lessons = step(phase, { action: 'share-lessons' });
    const feedback = step(lessons, { action: 'open-feedback' });
    expect([...openPromptIds(setup, feedback)]).toEqual(['w2-p1', 'w3-l1', 'w4-1', 'w4-2', 'w4-3', 'w4-4', 'w4-5']);
    const closed = step(feedback, { action: 'close' });
    expect(applyControl(setup, closed, { action: 'start' }, 'x')).toEqual({ ok: false, reason: 'The workshop has closed.' });
  });

  it('refuses meeting actions before the meeting starts, and unknown phases', () => {
    expect(applyControl(setup, INITIAL_STATE, { action: 'share-lessons' }, 'x').ok).toBe(false);
    const live = step(step(INITIAL_STATE, { action: 'publish' }), { action: 'start' });
    expect(applyControl(setup, live, { action: 'share-phase', phaseId: 'nope' }, 'x')).toEqual({ ok: false, reason: 'There is no such phase.' });
  });

  it('never weakens anonymity or moves answers once responses exist', () => {
    expect(checkSetupChange(setup, { ...setup, k: MIN_K }, false)).toBeNull();
    expect(checkSetupChange({ ...setup, k: 5 }, { ...setup, k: 4 }, true)).toMatch(/only be raised/);
    expect(checkSetupChange(setup, { ...setup, phases: [] }, true)).toMatch(/cannot be removed/);
    const reworded = { ...setup, worksheets: { ...setup.worksheets, w1: ['Something else', ...setup.worksheets.w1.slice(1)] } };
    expect(checkSetupChange(setup, reworded, true)).toMatch(/cannot be changed/);
    const appended = { ...setup, worksheets: { ...setup.worksheets, w4: [...setup.worksheets.w4, 'One more question?'] } };
    expect(checkSetupChange(setup, appended, true)).toBeNull();
  });

  it('lists every prompt with its worksheet', () => {
    expect(allPrompts(setup).map((p) => p.worksheet)).toEqual([1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4]);
  });
});

describe('anonymity rules', () => {
  it('counts people towards k: one per token, code answers only while code joining is on and never k of them', () => {
    expect(countTowardsK({ token: 2, code: 0 }, false, 3)).toBe(2);
    expect(countTowardsK({ token: 0, code: 50 }, true, 3)).toBe(2);
    expect(countTowardsK({ token: 0, code: 50 }, false, 3)).toBe(0);
    expect(countTowardsK({ token: 1, code: 5 }, true, 3)).toBe(3);
  });
  it('shows counts coarsely: fewer than k, then rounded down to fives, never below k', () => {
    expect(coarseCount(2, 3)).toEqual({ kind: 'below', k: 3 });
    expect(coarseCount(3, 3)).toEqual({ kind: 'at-least', value: 3 });
    expect(coarseCount(4, 3)).toEqual({ kind: 'at-least', value: 3 });
    expect(coarseCount(14, 3)).toEqual({ kind: 'at-least', value: 10 });
    expect(coarseCountText(coarseCount(1, 4))).toBe('fewer than 4');
    expect(coarseCountText(coarseCount(27, 4))).toBe('at least 25');
  });
  it('shuffles in an order set by the random source, not arrival', () => {
    let seed = 0.9;
    const out = shuffle(['a', 'b', 'c', 'd'], () => {
      seed = (seed * 7.3) % 1;
      return seed;
    });
    expect([...out].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(out).not.toEqual(['a', 'b', 'c', 'd']);
  });
  it('releases a phase’s answers when the phase ends', () => {
    const open = step(INITIAL_STATE, { action: 'publish' });
    const live = step(open, { action: 'start' });
    expect(promptsEndingPhase(setup, open, live)).toEqual(['w1-1', 'w1-2', 'w1-3', 'w1-4', 'w1-5']);
    const phase = step(live, { action: 'share-phase', phaseId: 'p1' });
    expect(promptsEndingPhase(setup, live, phase)).toEqual([]);
    const lessons = step(phase, { action: 'share-lessons' });
    expect(promptsEndingPhase(setup, phase, lessons)).toEqual(['w2-p1']);
    const feedback = step(lessons, { action: 'open-feedback' });
    expect(promptsEndingPhase(setup, lessons, feedback)).toEqual(['w3-l1']);
    expect(promptsEndingPhase(setup, feedback, step(feedback, { action: 'close' }))).toHaveLength(12);
  });
});
