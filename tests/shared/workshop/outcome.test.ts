import { describe, expect, it } from 'vitest';
import {
  draftLearningPoints,
  EMPTY_OUTCOME,
  goodPracticeKeys,
  keepVisibleMarks,
  OutcomeSaveSchema,
  remapMarks,
  OutcomeSchema,
  responseKey,
  splitResponseKey,
  storedOutcome,
  themeMembers,
  type Outcome,
} from '../../../shared/workshop/outcome.js';
import { outcomeReducer, type OutcomeAction } from '../../../shared/workshop/outcomeReducer.js';
import { defaultSetup, INITIAL_STATE, WorkshopSchema } from '../../../shared/workshop/workshop.js';

const apply = (...actions: OutcomeAction[]) => actions.reduce(outcomeReducer, EMPTY_OUTCOME);
const a = responseKey('w1-1', 'aaaaaaaaaaaaaaaaaaaaaaaa');
const b = responseKey('w2-phase-1', 'bbbbbbbbbbbbbbbbbbbbbbbb');

describe('workshop outcome reducer', () => {
  it('groups responses into themes and moves them between themes', () => {
    let o = apply({ type: 'add-theme', title: ' Fathers invisible ' }, { type: 'add-theme', title: 'Escalation' }, { type: 'add-theme', title: '   ' });
    expect(o.themes.map((t) => [t.id, t.title])).toEqual([
      ['theme-1', 'Fathers invisible'],
      ['theme-2', 'Escalation'],
    ]);
    o = apply(
      { type: 'add-theme', title: 'Fathers invisible' },
      { type: 'add-theme', title: 'Escalation' },
      { type: 'assign', key: a, themeId: 'theme-1' },
      { type: 'assign', key: b, themeId: 'theme-1' },
      { type: 'assign', key: b, themeId: 'theme-2' },
    );
    expect(themeMembers(o, 'theme-1')).toEqual([a]);
    expect(themeMembers(o, 'theme-2')).toEqual([b]);
    expect(OutcomeSchema.safeParse(o).success).toBe(true);
  });

  it('refuses a theme that does not exist, and removing a theme frees its responses but keeps good practice', () => {
    let o = apply({ type: 'add-theme', title: 'T' }, { type: 'assign', key: a, themeId: 'theme-9' });
    expect(o.marks).toEqual({});
    o = outcomeReducer(outcomeReducer(o, { type: 'assign', key: a, themeId: 'theme-1' }), { type: 'good-practice', key: a, value: true });
    o = outcomeReducer(o, { type: 'remove-theme', id: 'theme-1' });
    expect(o.themes).toEqual([]);
    expect(o.marks[a]).toEqual({ themeId: null, goodPractice: true });
    expect(goodPracticeKeys(o)).toEqual([a]);
    expect(OutcomeSchema.safeParse(o).success).toBe(true);
  });

  it("drops a mark that says nothing, forgets a response, and never lets a new theme inherit a removed one's responses", () => {
    let o = apply({ type: 'good-practice', key: a, value: true }, { type: 'good-practice', key: a, value: false });
    expect(o.marks).toEqual({});
    o = apply(
      { type: 'add-theme', title: 'T' },
      { type: 'assign', key: a, themeId: 'theme-1' },
      { type: 'good-practice', key: a, value: true },
      { type: 'forget-response', key: a },
    );
    expect(o.marks).toEqual({});
    o = apply(
      { type: 'add-theme', title: 'One' },
      { type: 'add-theme', title: 'Two' },
      { type: 'assign', key: a, themeId: 'theme-2' },
      { type: 'remove-theme', id: 'theme-2' },
      { type: 'add-theme', title: 'Three' },
    );
    expect(o.themes.map((t) => t.id)).toEqual(['theme-1', 'theme-2']);
    expect(themeMembers(o, 'theme-2')).toEqual([]);
    o = apply({ type: 'add-theme', title: 'One' }, { type: 'add-theme', title: 'Two' }, { type: 'remove-theme', id: 'theme-1' }, { type: 'add-theme', title: 'Three' });
    expect(o.themes.map((t) => t.id)).toEqual(['theme-2', 'theme-3']);
  });

  it('keeps good-practice notes, lived-experience notes and draft learning points per lesson', () => {
    const o = apply(
      { type: 'lived-experience', text: 'Often hungry at school.' },
      { type: 'learning-point', lessonId: 'lesson-1', text: 'Think family.' },
      { type: 'learning-point', lessonId: 'other', text: 'Escalate sooner.' },
      { type: 'good-practice-notes', text: 'The school nurse followed up.' },
    );
    expect(o.livedExperience).toBe('Often hungry at school.');
    expect(o.goodPracticeNotes).toBe('The school nurse followed up.');
    expect(o.learningPoints).toEqual({ 'lesson-1': 'Think family.', other: 'Escalate sooner.' });
    const replaced = outcomeReducer(o, { type: 'replace', outcome: EMPTY_OUTCOME });
    expect(replaced).toBe(EMPTY_OUTCOME);
  });
});

describe('workshop outcome schema', () => {
  const valid: Outcome = { ...EMPTY_OUTCOME, themes: [{ id: 'theme-1', title: 'T', notes: '' }], marks: { [a]: { themeId: 'theme-1', goodPractice: false } } };

  it('accepts what the reducer makes and refuses marks on unknown themes, duplicate theme ids and extra keys', () => {
    expect(OutcomeSchema.safeParse(valid).success).toBe(true);
    const unknownTheme = OutcomeSchema.safeParse({ ...valid, marks: { [a]: { themeId: 'theme-2', goodPractice: false } } });
    expect(unknownTheme.success).toBe(false);
    expect(unknownTheme.error?.issues[0]?.path).toEqual(['marks', a, 'themeId']);
    expect(OutcomeSchema.safeParse({ ...valid, themes: [...valid.themes, { id: 'theme-1', title: 'Again', notes: '' }] }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ ...valid, marks: { [a]: { themeId: null, goodPractice: true, who: 'x' } } }).success).toBe(false);
  });

  it('refers to responses only by prompt and random slot', () => {
    for (const key of ['w1-1/123', 'w1-1/' + 'g'.repeat(24), 'participant-7/aaaaaaaaaaaaaaaaaaaaaaaa', 'w1-1/aaaaaaaaaaaaaaaaaaaaaaaa/2026-06-01']) {
      expect(OutcomeSchema.safeParse({ ...EMPTY_OUTCOME, marks: { [key]: { themeId: null, goodPractice: true } } }).success, key).toBe(false);
    }
    expect(splitResponseKey(b)).toEqual({ promptId: 'w2-phase-1', slot: 'bbbbbbbbbbbbbbbbbbbbbbbb' });
  });

  it('caps the numbers of themes and marks', () => {
    const themes = Array.from({ length: 31 }, (_, i) => ({ id: `theme-${i + 1}`, title: 'T', notes: '' }));
    expect(OutcomeSchema.safeParse({ ...EMPTY_OUTCOME, themes }).success).toBe(false);
    const marks = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [responseKey('w1-1', i.toString(16).padStart(24, '0')), { themeId: null, goodPractice: true }]));
    expect(OutcomeSchema.safeParse({ ...EMPTY_OUTCOME, marks }).success).toBe(false);
  });

  it('needs a whole-number base version to save', () => {
    expect(OutcomeSaveSchema.safeParse({ baseVersion: 0, outcome: valid }).success).toBe(true);
    expect(OutcomeSaveSchema.safeParse({ baseVersion: -1, outcome: valid }).success).toBe(false);
    expect(OutcomeSaveSchema.safeParse({ baseVersion: 1.5, outcome: valid }).success).toBe(false);
    expect(OutcomeSaveSchema.safeParse({ outcome: valid }).success).toBe(false);
  });
});

describe('stored outcomes', () => {
  const record = {
    id: 'wwwwwwwwwwwwwwwwwwwwww',
    reviewId: 'rrrrrrrrrrrrrrrrrrrrrr',
    setup: defaultSetup('2026-12-01'),
    state: INITIAL_STATE,
    joinCode: 'ABCDEF',
    responsesExist: false,
    createdBy: 'uuuuuuuuuuuuuuuuuuuuuu',
  };

  it('gives a record from before the outcome existed an empty outcome at version 0', () => {
    const parsed = WorkshopSchema.parse(record);
    expect(parsed.outcome).toEqual(EMPTY_OUTCOME);
    expect(parsed.outcomeVersion).toBe(0);
    expect(storedOutcome({ ...record, outcome: undefined })).toEqual({ outcome: EMPTY_OUTCOME, version: 0 });
  });

  it('upgrades the first stored shape, keeping its words', () => {
    const legacy = {
      themes: [{ id: 'reach', title: 'Hard to reach', notes: 'From worksheet 2', promptIds: ['w2-p1'] }],
      goodPractice: 'Quick referral',
      livedExperience: 'She loved the park.',
      learningPoints: [
        { id: 'lp1', text: 'Ask about new partners', lessonId: 'l1' },
        { id: 'lp2', text: 'Escalate', lessonId: null },
        { id: 'lp3', text: 'Record fathers', lessonId: null },
      ],
    };
    const upgraded: Outcome = {
      themes: [{ id: 'reach', title: 'Hard to reach', notes: 'From worksheet 2' }],
      marks: {},
      goodPracticeNotes: 'Quick referral',
      livedExperience: 'She loved the park.',
      learningPoints: { l1: 'Ask about new partners', other: 'Escalate\n\nRecord fathers' },
    };
    expect(WorkshopSchema.parse({ ...record, outcome: legacy, outcomeVersion: 2 }).outcome).toEqual(upgraded);
    expect(storedOutcome({ outcome: legacy, outcomeVersion: 2 })).toEqual({ outcome: upgraded, version: 2 });
    expect(WorkshopSchema.safeParse({ ...record, outcome: { nonsense: true } }).success).toBe(false);
  });
});

describe('outcome helpers', () => {
  it('keeps only marks on responses the facilitator can see', () => {
    const o = apply({ type: 'good-practice', key: a, value: true }, { type: 'good-practice', key: b, value: true });
    expect(keepVisibleMarks(o, () => true)).toBe(o);
    expect(Object.keys(keepVisibleMarks(o, (promptId) => promptId === 'w1-1').marks)).toEqual([a]);
  });

  it('moves marks onto a new release’s ids, dropping those whose answer left, and leaves other prompts alone', () => {
    const o = apply({ type: 'good-practice', key: a, value: true }, { type: 'good-practice', key: b, value: true });
    const pa = splitResponseKey(a);
    const fresh = 'c'.repeat(24);
    const moved = remapMarks(o, new Map([[pa.promptId, new Map([[pa.slot, fresh]])]]));
    expect(moved.marks[responseKey(pa.promptId, fresh)]).toEqual(o.marks[a]);
    expect(moved.marks[a]).toBeUndefined();
    const gone = remapMarks(o, new Map([[pa.promptId, new Map()]]));
    expect(Object.keys(gone.marks)).toEqual(Object.keys(o.marks).filter((k) => splitResponseKey(k).promptId !== pa.promptId));
  });

  it('lists the draft learning points in lesson order, then the others split at blank lines', () => {
    const o = apply(
      { type: 'learning-point', lessonId: OTHER, text: 'Escalate sooner.\n\n  \n\nRecord who lives in the home.' },
      { type: 'learning-point', lessonId: 'lesson-2', text: ' Second lesson. ' },
      { type: 'learning-point', lessonId: 'lesson-1', text: 'First lesson.' },
      { type: 'learning-point', lessonId: 'lesson-3', text: '   ' },
      { type: 'learning-point', lessonId: 'gone', text: 'From a removed lesson.' },
    );
    expect(draftLearningPoints(o, [{ id: 'lesson-1' }, { id: 'lesson-2' }, { id: 'lesson-3' }])).toEqual([
      'First lesson.',
      'Second lesson.',
      'From a removed lesson.',
      'Escalate sooner.',
      'Record who lives in the home.',
    ]);
    expect(draftLearningPoints(EMPTY_OUTCOME, [{ id: 'lesson-1' }])).toEqual([]);
  });
});

const OTHER = 'other';
