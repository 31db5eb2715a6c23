import { describe, expect, it } from 'vitest';
import { evidenceTrace, lessonsFromKeyThemes, reportThemesFromKeyThemes, type KeyTheme } from '../../../shared/evidence/index.js';
import { ReportDraftSchema, emptyDraft } from '../../../shared/report/draft.js';

/** Key themes become workshop lessons and report themes, and the chain evidence → theme → learning point → recommendation. */

const A = 'agency-a-0000000000';
const theme = (id: string, title: string, summary: string, entryId: string): KeyTheme => ({
  id,
  reviewId: 'review-00000000000001',
  title,
  summary,
  order: 0,
  version: 1,
  createdAt: '',
  updatedAt: '',
  updatedBy: 'user-00000000000001',
  evidence: [
    { kind: 'chronology-row', agencyId: A, entryId },
    { kind: 'template-analysis', agencyId: A, section: 'kloe-1' },
  ],
});
const voice = theme('theme-voice-00000001', 'Hearing the child', 'Whether the child was seen alone.', 'entry-0000000000001');
const risk = theme('theme-risk-000000001', 'Risk from new partners', '', 'entry-0000000000002');

describe('key themes flow into the workshop and the report', () => {
  it('proposes each theme once as a workshop lesson', () => {
    const first = lessonsFromKeyThemes([voice, risk], [{ id: 'key-theme-1', text: 'An existing lesson' }]);
    expect(first).toEqual([
      { id: 'key-theme-2', text: 'Hearing the child: Whether the child was seen alone.' },
      { id: 'key-theme-3', text: 'Risk from new partners' },
    ]);
    expect(lessonsFromKeyThemes([voice, risk], first)).toEqual([]);
  });

  it('adds report themes that keep their key theme and chronology rows, once', () => {
    const added = reportThemesFromKeyThemes([voice, risk], []);
    expect(added.map((t) => [t.id, t.title, t.keyThemeId, t.entryIds])).toEqual([
      ['theme-1', 'Hearing the child', voice.id, ['entry-0000000000001']],
      ['theme-2', 'Risk from new partners', risk.id, ['entry-0000000000002']],
    ]);
    expect(reportThemesFromKeyThemes([voice, risk], added)).toEqual([]);
    expect(ReportDraftSchema.safeParse({ ...emptyDraft(), themes: added }).success).toBe(true);
  });

  it('traces each learning point to its theme, evidence and recommendations', () => {
    const themes = reportThemesFromKeyThemes([voice], []);
    const draft = {
      themes: [{ ...themes[0]!, title: 'Retitled by the lead reviewer' }],
      learningPoints: [
        { id: 'lp-1', text: 'Children should be seen alone.', themeId: 'theme-1' },
        { id: 'lp-2', text: 'Unthemed.', themeId: null },
      ],
      recommendations: [{ id: 'rec-1', text: 'Audit seeing children alone.', organisation: '', measure: '', learningPointIds: ['lp-1'] }],
    };
    const [lp1, lp2] = evidenceTrace([voice, risk], draft);
    expect(lp1).toMatchObject({ number: 1, reportTheme: { title: 'Retitled by the lead reviewer' }, keyTheme: { title: 'Hearing the child' }, recommendations: [{ number: 1 }] });
    expect(lp1!.evidence).toHaveLength(2);
    expect(lp2).toMatchObject({ reportTheme: null, keyTheme: null, evidence: [], recommendations: [] });
  });
});
