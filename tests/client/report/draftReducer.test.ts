import { describe, expect, it } from 'vitest';
import { emptyDraft, ReportDraftSchema, type ReportDraft } from '../../../shared/report/draft.js';
import { blankActionRow, draftReducer, MAX_ITEMS, moveItem, type DraftAction, type DraftList } from '../../../client/src/report/draftReducer.js';

const run = (d: ReportDraft, ...actions: DraftAction[]) => actions.reduce(draftReducer, d);

/** A draft with two themes, three learning points, two recommendations and action rows, all linked. */
function linked(): ReportDraft {
  return {
    ...emptyDraft(),
    themes: [
      { id: 'theme-1', title: 'Information sharing', analysis: '', entryIds: [], promptIds: [] },
      { id: 'theme-2', title: 'Voice of the child', analysis: '', entryIds: [], promptIds: [] },
    ],
    learningPoints: [
      { id: 'lp-1', text: 'One', themeId: 'theme-1' },
      { id: 'lp-2', text: 'Two', themeId: 'theme-2' },
      { id: 'lp-3', text: 'Three', themeId: 'theme-1' },
    ],
    recommendations: [
      { id: 'rec-1', text: 'R1', organisation: 'Partnership', measure: 'Audit', learningPointIds: ['lp-1', 'lp-2'] },
      { id: 'rec-2', text: 'R2', organisation: 'ICB', measure: '', learningPointIds: ['lp-2'] },
    ],
    actionPlan: [blankActionRow('rec-1'), blankActionRow('rec-2'), { ...blankActionRow('rec-2'), actions: 'Second action' }],
  };
}

describe('moveItem', () => {
  it('moves one place up or down and leaves the list alone at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a'], 5, 1)).toEqual(['a']);
  });
});

describe('draftReducer: adding', () => {
  it('adds themes, learning points and recommendations with fresh slug ids', () => {
    const d = run(
      emptyDraft(),
      { type: 'add', list: 'themes' },
      { type: 'add', list: 'themes' },
      { type: 'add', list: 'learningPoints' },
      { type: 'add', list: 'recommendations' },
    );
    expect(d.themes.map((t) => t.id)).toEqual(['theme-1', 'theme-2']);
    expect(d.learningPoints).toEqual([{ id: 'lp-1', text: '', themeId: 'theme-2' }]);
    expect(d.recommendations).toEqual([{ id: 'rec-1', text: '', organisation: '', measure: '', learningPointIds: [] }]);
  });

  it('starts a learning point without a theme when there are no themes', () => {
    expect(run(emptyDraft(), { type: 'add', list: 'learningPoints' }).learningPoints[0]!.themeId).toBeNull();
  });

  it('adds an action plan row only for an existing recommendation, first the one without a row', () => {
    expect(run(emptyDraft(), { type: 'add', list: 'actionPlan' }).actionPlan).toEqual([]);
    const d = run(
      emptyDraft(),
      { type: 'add', list: 'recommendations' },
      { type: 'add', list: 'recommendations' },
      { type: 'add', list: 'actionPlan' },
      { type: 'add', list: 'actionPlan' },
      { type: 'add', list: 'actionPlan' },
    );
    expect(d.actionPlan.map((a) => a.recommendationId)).toEqual(['rec-1', 'rec-2', 'rec-2']);
    expect(d.actionPlan[0]!.rag).toBe('not-started');
  });

  it('stops at each list\u2019s limit, and the limits are the schema\u2019s own', () => {
    const lists: DraftList[] = ['keyLinesOfEnquiry', 'themes', 'learningPoints', 'recommendations', 'actionPlan'];
    for (const list of lists) {
      let d = run(emptyDraft(), { type: 'add', list: 'recommendations' });
      for (let i = 0; i < MAX_ITEMS[list] + 3; i++) d = draftReducer(d, { type: 'add', list });
      expect(d[list].length, list).toBe(MAX_ITEMS[list]);
      // Filled in, the full list is valid, and one more item is refused by the schema.
      const filled: ReportDraft = {
        ...d,
        keyLinesOfEnquiry: d.keyLinesOfEnquiry.map(() => 'A question'),
        themes: d.themes.map((t) => ({ ...t, title: 'T' })),
        learningPoints: d.learningPoints.map((lp) => ({ ...lp, text: 'L' })),
        recommendations: d.recommendations.map((r) => ({ ...r, text: 'R' })),
      };
      expect(ReportDraftSchema.safeParse(filled).success, list).toBe(true);
      const over = { ...filled, [list]: [...filled[list], filled[list][0]] };
      expect(ReportDraftSchema.safeParse(over).success, `${list} + 1`).toBe(false);
    }
  });
});

describe('draftReducer: removing keeps references whole', () => {
  it('a removed theme leaves its learning points without a theme', () => {
    const d = run(linked(), { type: 'remove', list: 'themes', index: 0 });
    expect(d.themes.map((t) => t.id)).toEqual(['theme-2']);
    expect(d.learningPoints.map((lp) => lp.themeId)).toEqual([null, 'theme-2', null]);
  });

  it('a removed learning point is unlinked from every recommendation', () => {
    const d = run(linked(), { type: 'remove', list: 'learningPoints', index: 1 });
    expect(d.learningPoints.map((lp) => lp.id)).toEqual(['lp-1', 'lp-3']);
    expect(d.recommendations.map((r) => r.learningPointIds)).toEqual([['lp-1'], []]);
  });

  it('a removed recommendation takes its action plan rows with it', () => {
    const d = run(linked(), { type: 'remove', list: 'recommendations', index: 1 });
    expect(d.recommendations.map((r) => r.id)).toEqual(['rec-1']);
    expect(d.actionPlan.map((a) => a.recommendationId)).toEqual(['rec-1']);
  });

  it('removes key lines of enquiry and action rows by position, and ignores positions that do not exist', () => {
    const d = run({ ...linked(), keyLinesOfEnquiry: ['a', 'b', 'c'] }, { type: 'remove', list: 'keyLinesOfEnquiry', index: 1 }, { type: 'remove', list: 'actionPlan', index: 2 });
    expect(d.keyLinesOfEnquiry).toEqual(['a', 'c']);
    expect(d.actionPlan).toHaveLength(2);
    const same = linked();
    expect(draftReducer(same, { type: 'remove', list: 'themes', index: 9 })).toBe(same);
  });

  it('after any removal the draft still passes the schema and refers only to what exists', () => {
    const base = linked();
    for (const list of ['themes', 'learningPoints', 'recommendations', 'actionPlan'] as const) {
      for (let i = 0; i < base[list].length; i++) {
        const d = run(base, { type: 'remove', list, index: i });
        expect(ReportDraftSchema.safeParse(d).success).toBe(true);
        const themeIds = new Set(d.themes.map((t) => t.id));
        const lpIds = new Set(d.learningPoints.map((lp) => lp.id));
        const recIds = new Set(d.recommendations.map((r) => r.id));
        expect(d.learningPoints.every((lp) => lp.themeId === null || themeIds.has(lp.themeId))).toBe(true);
        expect(d.recommendations.every((r) => r.learningPointIds.every((id) => lpIds.has(id)))).toBe(true);
        expect(d.actionPlan.every((a) => recIds.has(a.recommendationId))).toBe(true);
      }
    }
  });
});

describe('draftReducer: editing', () => {
  it('reorders lists and keeps links by id, so numbering follows the new order', () => {
    const d = run(linked(), { type: 'move', list: 'learningPoints', index: 2, by: -1 }, { type: 'move', list: 'themes', index: 0, by: 1 });
    expect(d.learningPoints.map((lp) => lp.id)).toEqual(['lp-1', 'lp-3', 'lp-2']);
    expect(d.themes.map((t) => t.id)).toEqual(['theme-2', 'theme-1']);
    expect(d.learningPoints.find((lp) => lp.id === 'lp-2')!.themeId).toBe('theme-2');
  });

  it('edits fields of one item only', () => {
    const d = run(
      linked(),
      { type: 'update-theme', id: 'theme-2', patch: { title: 'The child\u2019s lived experience', analysis: 'Why' } },
      { type: 'update-learning-point', id: 'lp-1', patch: { themeId: 'theme-2' } },
      { type: 'update-recommendation', id: 'rec-2', patch: { measure: 'Re-audit in 6 months' } },
      { type: 'update-action', index: 1, patch: { rag: 'amber', responsible: 'Head of service' } },
    );
    expect(d.themes[0]!.title).toBe('Information sharing');
    expect(d.themes[1]).toMatchObject({ title: 'The child\u2019s lived experience', analysis: 'Why' });
    expect(d.learningPoints[0]!.themeId).toBe('theme-2');
    expect(d.recommendations[1]!.measure).toBe('Re-audit in 6 months');
    expect(d.actionPlan[1]).toMatchObject({ rag: 'amber', responsible: 'Head of service' });
    expect(d.actionPlan[2]!.rag).toBe('not-started');
  });

  it('toggles key events, workshop prompts and linked learning points (links kept in learning point order)', () => {
    let d = run(
      linked(),
      { type: 'toggle-theme-entry', id: 'theme-1', entryId: 'e1' },
      { type: 'toggle-theme-entry', id: 'theme-1', entryId: 'e2' },
      { type: 'toggle-theme-prompt', id: 'theme-1', promptId: 'w1-1' },
      { type: 'toggle-recommendation-lp', id: 'rec-2', learningPointId: 'lp-3' },
      { type: 'toggle-recommendation-lp', id: 'rec-2', learningPointId: 'lp-1' },
    );
    expect(d.themes[0]).toMatchObject({ entryIds: ['e1', 'e2'], promptIds: ['w1-1'] });
    expect(d.recommendations[1]!.learningPointIds).toEqual(['lp-1', 'lp-2', 'lp-3']);
    d = run(d, { type: 'toggle-theme-entry', id: 'theme-1', entryId: 'e1' }, { type: 'toggle-recommendation-lp', id: 'rec-2', learningPointId: 'lp-2' });
    expect(d.themes[0]!.entryIds).toEqual(['e2']);
    expect(d.recommendations[1]!.learningPointIds).toEqual(['lp-1', 'lp-3']);
  });

  it('removes and restores guidance prompts', () => {
    const d = run(emptyDraft(), { type: 'toggle-prompt', promptId: 'introduction' }, { type: 'toggle-prompt', promptId: 'analysis' });
    expect(d.removedPrompts).toEqual(['introduction', 'analysis']);
    expect(run(d, { type: 'toggle-prompt', promptId: 'introduction' }).removedPrompts).toEqual(['analysis']);
  });

  it('sets text sections, key lines of enquiry, family involvement and participants', () => {
    const d = run(
      { ...emptyDraft(), keyLinesOfEnquiry: ['', 'b'] },
      { type: 'set-text', field: 'introduction', value: 'Intro' },
      { type: 'set-kloe', index: 0, value: 'a' },
      { type: 'set-family-involved', value: false },
      { type: 'set-participants', value: 14 },
    );
    expect(d).toMatchObject({ introduction: 'Intro', keyLinesOfEnquiry: ['a', 'b'], familyInvolved: false, workshopParticipants: 14 });
  });

  it('never changes the draft it is given', () => {
    const d = linked();
    const copy = JSON.parse(JSON.stringify(d));
    run(d, { type: 'remove', list: 'themes', index: 0 }, { type: 'move', list: 'recommendations', index: 0, by: 1 }, { type: 'update-action', index: 0, patch: { rag: 'red' } });
    expect(d).toEqual(copy);
  });
});
