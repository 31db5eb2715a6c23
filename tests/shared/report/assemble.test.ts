import { describe, expect, it } from 'vitest';
import { reportTitle, assembleReport, emptyDraft, toMarkdown, usedAcronyms, type ReportDraft } from '../../../shared/report/index.js';
import { blankTeamFields, type IntegratedRow } from '../../../shared/chronology/index.js';
import { blankPerson } from '../../../shared/people.js';
import { createPseudonymiser } from '../../../shared/pseudonymise/index.js';

const people = [{ ...blankPerson('m'), name: 'Kerry Thornbury', relationship: 'Mother', reportLabel: 'Mother' }];
const pseudo = createPseudonymiser(people, 'Child T');
const row = (id: string, day: number, keyEvent: string, keyLearning: boolean): IntegratedRow => ({
  id,
  agencyId: 'AAAAAAAAAAAAAAAAAAAAAA',
  date: { precision: 'day', year: 2020, month: 1, day, uncertainty: 'none' },
  time: null,
  sequence: 0,
  source: '',
  childContact: 'none',
  childContactBy: '',
  familyContactIds: [],
  familyContactBy: '',
  keyEvent,
  comment: '',
  category: 'other',
  agencyCode: 'POL',
  agencyName: 'Police',
  colour: '#d7e8fb',
  team: { ...blankTeamFields(), keyLearning },
});

function build(draft: Partial<ReportDraft> = {}, workshopExtra: { livedExperience?: string; goodPractice?: { notes: string; responses: string[] } } = {}) {
  return assembleReport({
    review: { childPseudonym: 'Child T', kind: 'lcspr', periodStart: '2019-01-01', periodEnd: '2021-12-31' },
    partnership: 'Northby Safeguarding Partnership',
    leadReviewers: ['A. Reviewer'],
    todayIso: '2026-11-22',
    agencies: [
      { name: 'Northby Police', shortCode: 'POL' },
      { name: 'Northby ICB', shortCode: 'ICB' },
    ],
    rows: [row('imp0000000000000002', 20, 'Kerry Thornbury reported to MASH', true), row('imp0000000000000001', 5, 'Routine visit', false)],
    workshop: { prompts: [{ id: 'w3-l1', label: 'Proposed lesson 1', responses: ['Kerry was never asked about the new partner.'] }], ...workshopExtra },
    termsOfReference: null,
    draft: { ...emptyDraft(), ...draft },
    pseudonymise: pseudo.text,
  });
}

describe('assembleReport', () => {
  it('says a period that starts at the child\u2019s birth starts there, rather than publishing the date of birth', () => {
    const base = build();
    const period = (childDateOfBirth: string | null) =>
      toMarkdown(
        assembleReport({
          review: { childPseudonym: 'Child T', kind: 'lcspr', periodStart: '2019-01-01', periodEnd: '2021-12-31' },
          partnership: '',
          leadReviewers: [],
          todayIso: '2026-11-22',
          agencies: [],
          rows: [],
          workshop: null,
          termsOfReference: null,
          childDateOfBirth,
          draft: emptyDraft(),
          pseudonymise: pseudo.text,
        }),
      )
        .split('\n')
        .find((l) => l.startsWith('The review considered'));
    expect(period('2019-01-01')).toBe('The review considered the period from the birth of Child T to 31/12/2021.');
    expect(period('2018-05-05')).toBe('The review considered the period from 01/01/2019 to 31/12/2021.');
    expect(toMarkdown(base)).toContain('from 01/01/2019 to 31/12/2021');
  });

  it('follows Document 19 in order, with a title page marked DRAFT – OFFICIAL-SENSITIVE', () => {
    const m = build();
    const headings = m.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      'Executive summary',
      'Introduction',
      'About Child T',
      'Terms of reference and methodology',
      'What happened: a brief overview',
      'Analysis',
      'Good practice',
      'Learning points',
      'Recommendations',
      'Action plan',
      'Glossary',
      'Appendix: terms of reference',
    ]);
    expect(m.blocks[0]).toMatchObject({ kind: 'title-page', childPseudonym: 'Child T', marking: 'DRAFT \u2013 OFFICIAL-SENSITIVE', date: '22/11/2026' });
    expect(m.blocks[1]).toEqual({ kind: 'contents' });
    expect(m.title).toBe('Local Child Safeguarding Practice Review: Child T');
    expect(m.blocks[0]).toMatchObject({ title: m.title });
  });

  it('titles a Rapid Review\u2019s report as a Rapid Review, not an LCSPR', () => {
    expect(reportTitle('rapid-review', 'Child M')).toBe('Rapid Review: Child M');
    expect(reportTitle('lcspr', 'Child M')).toBe('Local Child Safeguarding Practice Review: Child M');
  });

  it('drafts the overview from key practice learning events only, pseudonymised', () => {
    const md = toMarkdown(build());
    expect(md).toContain('20/01/2020 (POL): Mother reported to MASH');
    expect(md).not.toContain('Routine visit');
    expect(md).not.toContain('Kerry');
  });

  it('quotes released reflections under their theme, numbers learning points and links recommendations', () => {
    const md = toMarkdown(
      build({
        themes: [{ id: 'partners', title: 'Seeing the men in the household', analysis: 'Why were partners invisible?', entryIds: ['imp0000000000000002'], promptIds: ['w3-l1'] }],
        learningPoints: [{ id: 'lp-a', text: 'Ask about new partners.', themeId: 'partners' }],
        recommendations: [{ id: 'r1', text: 'Routine enquiry about household members.', organisation: 'Northby ICB', measure: 'Audit of 20 records.', learningPointIds: ['lp-a'] }],
        removedPrompts: ['analysis'],
      }),
    );
    expect(md).toContain('> Mother was never asked about the new partner.');
    expect(md).toContain('**Learning Point 1:** Ask about new partners.');
    expect(md).toContain('Learning points: Learning Point 1');
    expect(md).toContain('Addressed to: Northby ICB');
    expect(md).not.toContain('Guidance: Analyse why decisions');
    expect(md).toContain('Guidance: Few, focused on improving practice');
  });

  it('adds the workshop outcome\u2019s lived experience and good practice, pseudonymised, and nothing when it has none', () => {
    const md = toMarkdown(
      build(
        { goodPractice: 'The GP followed up.' },
        {
          livedExperience: 'Kerry said the child was often hungry.',
          goodPractice: { notes: 'Kerry Thornbury was kept informed.', responses: ['The health visitor saw Kerry within a day.'] },
        },
      ),
    );
    const good = md.slice(md.indexOf('# Good practice'), md.indexOf('# Learning points'));
    expect(good).toContain('The GP followed up.');
    expect(good).toContain('From the Reflective Learning Workshop');
    expect(good).toContain('Mother was kept informed.');
    expect(good).toContain('> The health visitor saw Mother within a day.');
    expect(md.slice(md.indexOf('# About Child T'), md.indexOf('# Terms of reference'))).toContain('Mother said the child was often hungry.');
    expect(md).not.toContain('Kerry');
    const none = toMarkdown(build({}, { livedExperience: ' ', goodPractice: { notes: '  ', responses: [] } }));
    expect(none).not.toContain('From the Reflective Learning Workshop');
  });

  it('lists only the acronyms the text uses', () => {
    expect(usedAcronyms('Referred to MASH and the GP; S47 began. CAMHSX is not an acronym.').map((a) => a.acronym)).toEqual(['GP', 'MASH', 'S47']);
    const glossaryRows = build()
      .blocks.filter((b) => b.kind === 'table')
      .at(-1) as { rows: string[][] };
    // ICB comes from the agencies list, MASH from the overview.
    expect(glossaryRows.rows.map((r) => r[0])).toEqual(['ICB', 'MASH']);
  });

  it('escapes Markdown so case text cannot inject links or headings', () => {
    const md = toMarkdown(build({ introduction: '# not a heading\n\n[click](http://evil) <script>' }));
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('\\[click\\](http://evil) \\<script\\>');
  });
});
