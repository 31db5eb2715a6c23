import { describe, expect, it } from 'vitest';
import { applyControl, checkSetupChange } from '../../../shared/workshop/transitions.js';
import { defaultSetup, INITIAL_STATE, MIN_K } from '../../../shared/workshop/workshop.js';
import { allPrompts, openPromptIds } from '../../../shared/workshop/prompts.js';
import { releaseResponses } from '../../../shared/workshop/anonymity.js';

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

describe('anonymity threshold', () => {
  const responses = ['a', 'b', 'c', 'd'].map((text, i) => ({ slot: String(i), text, hidden: false }));
  it('shows only the count below k', () => {
    expect(releaseResponses(responses.slice(0, 2), 3, Math.random)).toEqual({ count: 2, released: false, responses: [] });
  });
  it('releases all at k or more, in an order set by the random source, not arrival', () => {
    let seed = 0.9;
    const r = releaseResponses(responses, 3, () => { seed = (seed * 7.3) % 1; return seed; });
    expect(r.released).toBe(true);
    expect(r.responses.map((x) => x.text).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(r.responses.map((x) => x.text)).not.toEqual(['a', 'b', 'c', 'd']);
  });
});
