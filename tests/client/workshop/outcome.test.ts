import { describe, expect, it } from 'vitest';
import {
  EMPTY_OUTCOME, goodPractice, outcomeReducer, readOutcome, responseKey, themeMembers, writeOutcome, type OutcomeAction,
} from '../../../client/src/workshop/outcome.js';
import { memoryStorage } from './memoryStorage.js';

const apply = (...actions: OutcomeAction[]) => actions.reduce(outcomeReducer, EMPTY_OUTCOME);
const a = responseKey('w1-1', 'aaaaaaaaaaaaaaaaaaaaaaaa');
const b = responseKey('w2-phase-1', 'bbbbbbbbbbbbbbbbbbbbbbbb');

describe('workshop outcome', () => {
  it('groups responses into themes and moves them between themes', () => {
    let o = apply({ type: 'add-theme', title: ' Fathers invisible ' }, { type: 'add-theme', title: 'Escalation' }, { type: 'add-theme', title: '   ' });
    expect(o.themes.map((t) => [t.id, t.title])).toEqual([['theme-1', 'Fathers invisible'], ['theme-2', 'Escalation']]);
    o = apply(...[{ type: 'add-theme', title: 'Fathers invisible' }, { type: 'add-theme', title: 'Escalation' },
      { type: 'assign', key: a, themeId: 'theme-1' }, { type: 'assign', key: b, themeId: 'theme-1' }, { type: 'assign', key: b, themeId: 'theme-2' }] as OutcomeAction[]);
    expect(themeMembers(o, 'theme-1')).toEqual([a]);
    expect(themeMembers(o, 'theme-2')).toEqual([b]);
  });

  it('refuses a theme that does not exist, and removing a theme frees its responses', () => {
    let o = apply({ type: 'add-theme', title: 'T' }, { type: 'assign', key: a, themeId: 'theme-9' });
    expect(o.marks).toEqual({});
    o = outcomeReducer(outcomeReducer(o, { type: 'assign', key: a, themeId: 'theme-1' }), { type: 'good-practice', key: a, value: true });
    o = outcomeReducer(o, { type: 'remove-theme', id: 'theme-1' });
    expect(o.themes).toEqual([]);
    expect(o.marks[a]).toEqual({ themeId: null, goodPractice: true });
    expect(goodPractice(o)).toEqual([a]);
  });

  it('drops a mark that says nothing, and never reuses a removed theme\'s id for a new one', () => {
    let o = apply({ type: 'good-practice', key: a, value: true }, { type: 'good-practice', key: a, value: false });
    expect(o.marks).toEqual({});
    o = apply({ type: 'add-theme', title: 'One' }, { type: 'add-theme', title: 'Two' }, { type: 'remove-theme', id: 'theme-1' }, { type: 'add-theme', title: 'Three' });
    expect(o.themes.map((t) => t.id)).toEqual(['theme-2', 'theme-3']);
  });

  it('keeps lived-experience notes and draft learning points per lesson', () => {
    const o = apply({ type: 'lived-experience', text: 'Often hungry at school.' }, { type: 'learning-point', lessonId: 'lesson-1', text: 'Think family.' },
      { type: 'learning-point', lessonId: 'other', text: 'Escalate sooner.' });
    expect(o.livedExperience).toBe('Often hungry at school.');
    expect(o.learningPoints).toEqual({ 'lesson-1': 'Think family.', other: 'Escalate sooner.' });
  });

  it('survives a reload of the tab, and ignores damaged storage', () => {
    const s = memoryStorage();
    const o = apply({ type: 'add-theme', title: 'T' }, { type: 'assign', key: a, themeId: 'theme-1' });
    expect(writeOutcome(s, 'ws-1', o)).toBe(true);
    expect(readOutcome(s, 'ws-1')).toEqual(o);
    expect(readOutcome(s, 'ws-2')).toEqual(EMPTY_OUTCOME);
    s.map.set('rr.workshop.outcome.ws-1', '{"themes": 3}');
    expect(readOutcome(s, 'ws-1')).toEqual(EMPTY_OUTCOME);
    expect(writeOutcome(memoryStorage({ failWrites: true }), 'ws-1', o)).toBe(false);
  });
});
