import { describe, expect, it } from 'vitest';
import { elapsedMinutes, formatClock, formatElapsed } from '../../../client/src/workshop/timer.js';
import { neighbourItems, showingLabel } from '../../../client/src/workshop/consoleModel.js';
import { defaultSetup, INITIAL_STATE } from '../../../shared/workshop/workshop.js';

describe('item timer', () => {
  const start = '2026-12-01T10:05Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole minutes since the item started, from the minute-precision start the server keeps', () => {
    expect(elapsedMinutes(start, at('2026-12-01T10:05:00Z'))).toBe(0);
    expect(elapsedMinutes(start, at('2026-12-01T10:05:59Z'))).toBe(0);
    expect(elapsedMinutes(start, at('2026-12-01T10:06:00Z'))).toBe(1);
    expect(elapsedMinutes(start, at('2026-12-01T11:10:30Z'))).toBe(65);
  });

  it('never goes negative (a clock behind the server) and is null without a valid start', () => {
    expect(elapsedMinutes(start, at('2026-12-01T10:00:00Z'))).toBe(0);
    expect(elapsedMinutes(null, 0)).toBeNull();
    expect(elapsedMinutes('not a time', 0)).toBeNull();
  });

  it('says the time in en-GB words and as a clock', () => {
    expect(formatElapsed(0)).toBe('less than a minute');
    expect(formatElapsed(1)).toBe('1 minute');
    expect(formatElapsed(12)).toBe('12 minutes');
    expect(formatElapsed(60)).toBe('1 hour');
    expect(formatElapsed(61)).toBe('1 hour 1 minute');
    expect(formatElapsed(125)).toBe('2 hours 5 minutes');
    expect(formatClock(5)).toBe('0:05');
    expect(formatClock(65)).toBe('1:05');
  });
});

describe('console model', () => {
  const setup = { ...defaultSetup('2026-12-01'), phases: [{ id: 'p1', title: 'Early years', start: '2020-01-01', end: '2020-12-31' }] };

  it('finds the previous and next agenda items', () => {
    const [a, b, c] = setup.agenda;
    expect(neighbourItems(setup.agenda, null)).toEqual({ previous: null, next: a });
    expect(neighbourItems(setup.agenda, a!.id)).toEqual({ previous: null, next: b });
    expect(neighbourItems(setup.agenda, b!.id)).toEqual({ previous: a, next: c });
    const last = setup.agenda[setup.agenda.length - 1]!;
    expect(neighbourItems(setup.agenda, last.id).next).toBeNull();
  });

  it('says what participants see', () => {
    expect(showingLabel(setup, INITIAL_STATE)).toMatch(/not published/);
    const live = { ...INITIAL_STATE, stage: 'live' as const };
    expect(showingLabel(setup, { ...live, showing: { kind: 'phase', phaseId: 'p1' } })).toBe('Phase 1: Early years.');
    expect(showingLabel(setup, { ...live, showing: { kind: 'lessons' } })).toBe('The proposed lessons.');
    expect(showingLabel(setup, { ...live, stage: 'closed' })).toBe('The workshop has closed.');
  });
});
