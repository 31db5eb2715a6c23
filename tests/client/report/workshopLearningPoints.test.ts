import { describe, expect, it } from 'vitest';
import { emptyDraft, type ReportDraft } from '../../../shared/report/draft.js';
import { EMPTY_OUTCOME } from '../../../shared/workshop/outcome.js';
import { defaultSetup } from '../../../shared/workshop/workshop.js';
import { draftReducer, MAX_ITEMS } from '../../../client/src/report/draftReducer.js';
import { learningPointsToAdd, workshopLearningPoints } from '../../../client/src/report/workshopLearningPoints.js';

const setup = {
  ...defaultSetup('2026-12-01'),
  lessons: [
    { id: 'lesson-1', text: 'Fathers were invisible.' },
    { id: 'lesson-2', text: 'Escalation was not used.' },
  ],
};
const outcome = { ...EMPTY_OUTCOME, learningPoints: { 'lesson-2': 'Use escalation.', 'lesson-1': 'Think family.', other: 'Record who lives in the home.\n\nShare early.' } };

describe('the workshop\u2019s draft learning points in the report builder', () => {
  it('reads them from the first workshop in lesson order, and none from what it cannot read', () => {
    expect(
      workshopLearningPoints([
        { setup, outcome },
        { setup, outcome: { ...EMPTY_OUTCOME, learningPoints: { other: 'Second workshop' } } },
      ]),
    ).toEqual(['Think family.', 'Use escalation.', 'Record who lives in the home.', 'Share early.']);
    expect(workshopLearningPoints([])).toEqual([]);
    expect(workshopLearningPoints([{ setup: { nonsense: true }, outcome }])).toEqual([]);
    expect(workshopLearningPoints([{ setup, outcome: { themes: 'x' } }])).toEqual([]);
    // A workshop stored before the outcome existed has none.
    expect(workshopLearningPoints([{ setup }])).toEqual([]);
  });

  it('adds only those the draft does not hold yet, without a theme, up to the list\u2019s limit', () => {
    let d: ReportDraft = {
      ...emptyDraft(),
      themes: [{ id: 'theme-1', title: 'T', analysis: '', entryIds: [], promptIds: [] }],
      learningPoints: [{ id: 'lp-1', text: 'think  FAMILY.', themeId: 'theme-1' }],
    };
    const texts = learningPointsToAdd(d, ['Think family.', 'Use escalation.', 'Use escalation.', ' ']);
    expect(texts).toEqual(['Use escalation.']);
    d = draftReducer(d, { type: 'append-learning-points', texts });
    expect(d.learningPoints).toEqual([
      { id: 'lp-1', text: 'think  FAMILY.', themeId: 'theme-1' },
      { id: 'lp-2', text: 'Use escalation.', themeId: null },
    ]);
    expect(learningPointsToAdd(d, ['Think family.', 'Use escalation.'])).toEqual([]);

    const full = {
      ...emptyDraft(),
      learningPoints: Array.from({ length: MAX_ITEMS.learningPoints - 1 }, (_, i) => ({ id: `lp-${i + 1}`, text: `Point ${i + 1}`, themeId: null })),
    };
    expect(learningPointsToAdd(full, ['A', 'B', 'C'])).toEqual(['A']);
    expect(draftReducer(full, { type: 'append-learning-points', texts: ['A', 'B'] }).learningPoints).toHaveLength(MAX_ITEMS.learningPoints);
  });
});
