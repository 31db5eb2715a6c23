import { describe, expect, it } from 'vitest';
import { emptyDraft, type ReportDraft } from '../../../shared/report/draft.js';
import { blankActionRow } from '../../../client/src/report/draftReducer.js';
import { fieldIds, parseParticipants, placeOf, validateDraft } from '../../../client/src/report/draftValidation.js';

function draft(over: Partial<ReportDraft> = {}): ReportDraft {
  return {
    ...emptyDraft(),
    themes: [
      { id: 'theme-1', title: 'Information sharing', analysis: '', entryIds: [], promptIds: [] },
      { id: 'theme-7', title: 'Voice of the child', analysis: '', entryIds: [], promptIds: [] },
    ],
    learningPoints: [{ id: 'lp-1', text: 'Share early', themeId: 'theme-1' }],
    recommendations: [{ id: 'rec-3', text: 'Train staff', organisation: 'Partnership', measure: 'Audit', learningPointIds: ['lp-1'] }],
    actionPlan: [blankActionRow('rec-3')],
    ...over,
  };
}

describe('placeOf', () => {
  it('links each path to the field of the item it names, by the item\u2019s id', () => {
    const d = draft();
    expect(placeOf('introduction', d)).toEqual({ fieldId: 'report-introduction', label: 'Introduction' });
    expect(placeOf('themes.1.title', d)).toEqual({ fieldId: 'report-theme-theme-7-title', label: 'Theme 2 title' });
    expect(placeOf(['themes', 1, 'entryIds', 3], d)).toEqual({ fieldId: fieldIds.theme('theme-7', 'events'), label: 'Theme 2 key events' });
    expect(placeOf('learningPoints.0.themeId', d)).toEqual({ fieldId: 'report-lp-lp-1-theme', label: 'Learning point 1 theme' });
    expect(placeOf('recommendations.0.organisation', d)).toEqual({ fieldId: 'report-rec-rec-3-organisation', label: 'Recommendation 1 organisation' });
    expect(placeOf('recommendations.0.learningPointIds.0', d).fieldId).toBe('report-rec-rec-3-learning-points');
    expect(placeOf('actionPlan.0.rag', d)).toEqual({ fieldId: 'report-action-0-rag', label: 'Action plan row 1: RAG rating' });
    expect(placeOf('keyLinesOfEnquiry.2', d)).toEqual({ fieldId: 'report-kloe-2', label: 'Key line of enquiry 3' });
    expect(placeOf('workshopParticipants', d).fieldId).toBe(fieldIds.participants);
  });

  it('names a whole list by its add button, and anything unknown as the whole form', () => {
    const d = draft();
    expect(placeOf('themes', d)).toEqual({ fieldId: 'report-add-themes', label: 'Themes' });
    expect(placeOf('themes.9.title', d).fieldId).toBe('report-add-themes');
    expect(placeOf('removedPrompts.0', d).fieldId).toBeNull();
    expect(placeOf('', d)).toEqual({ fieldId: null, label: 'The report draft' });
    expect(placeOf('somethingNew', d).fieldId).toBeNull();
  });
});

describe('parseParticipants', () => {
  it('reads blank as not recorded and whole numbers 0 to 500', () => {
    expect(parseParticipants('')).toEqual({ ok: true, value: null });
    expect(parseParticipants('  ')).toEqual({ ok: true, value: null });
    expect(parseParticipants(' 14 ')).toEqual({ ok: true, value: 14 });
    expect(parseParticipants('0')).toEqual({ ok: true, value: 0 });
    expect(parseParticipants('500')).toEqual({ ok: true, value: 500 });
    for (const bad of ['501', '-1', '3.5', '12 people', 'twelve', '1e2', '99999']) expect(parseParticipants(bad).ok, bad).toBe(false);
  });
});

describe('validateDraft', () => {
  it('passes a good draft and sends it with the participants number read', () => {
    const { errors, body } = validateDraft(draft(), '12');
    expect(errors).toEqual([]);
    expect(body).toEqual({ ...draft(), workshopParticipants: 12 });
  });

  it('lists each problem once, linked to its field, in the order the fields appear', () => {
    const d = draft({
      keyLinesOfEnquiry: ['  '],
      themes: [{ id: 'theme-1', title: ' ', analysis: '', entryIds: [], promptIds: [] }],
      learningPoints: [{ id: 'lp-1', text: '', themeId: 'theme-gone' }],
      recommendations: [{ id: 'rec-3', text: 'ok', organisation: 'x'.repeat(201), measure: '', learningPointIds: [] }],
      actionPlan: [{ ...blankActionRow('rec-gone'), timescale: 't'.repeat(201) }],
    });
    const { errors, body } = validateDraft(d, 'many');
    expect(body).toBeNull();
    expect(errors).toEqual([
      { fieldId: 'report-kloe-0', message: 'Enter key line of enquiry 1, or remove it' },
      { fieldId: 'report-participants', message: 'Enter the number of workshop participants as a whole number from 0 to 500, or leave it blank' },
      { fieldId: 'report-theme-theme-1-title', message: 'Enter a title for theme 1' },
      { fieldId: 'report-lp-lp-1-text', message: 'Enter the text of learning point 1, or remove it' },
      { fieldId: 'report-lp-lp-1-theme', message: 'Choose a theme for learning point 1' },
      { fieldId: 'report-rec-rec-3-organisation', message: 'Recommendation 1 organisation must be 200 characters or fewer' },
      { fieldId: 'report-action-0-recommendationId', message: 'Choose the recommendation for action plan row 1' },
      { fieldId: 'report-action-0-timescale', message: 'Action plan row 1: Timescale must be 200 characters or fewer' },
    ]);
  });

  it('says how long text may be, in en-GB number format', () => {
    const { errors } = validateDraft(draft({ introduction: 'a'.repeat(10_001) }), '');
    expect(errors).toEqual([{ fieldId: 'report-introduction', message: 'Introduction must be 10,000 characters or fewer' }]);
  });

  it('falls back on the shared schema for anything it has no message of its own for', () => {
    const d = draft({ removedPrompts: ['Not A Slug'] });
    const { errors, body } = validateDraft(d, '');
    expect(body).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.fieldId).toBeNull();
    expect(errors[0]!.message).toMatch(/^Guidance prompts: /);
  });
});
