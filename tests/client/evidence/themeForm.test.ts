import { describe, expect, it } from 'vitest';
import { exactDate } from '../../../shared/chronology/index.js';
import { KeyThemeBodySchema, KeyThemeUpdateBodySchema, type EvidenceLink, type EvidenceQuery } from '../../../shared/evidence/index.js';
import {
  BLANK_THEME_FORM,
  formFromTheme,
  linkDomId,
  linkLabel,
  themeBody,
  themeFormError,
  themeLinkOptions,
  toggleLink,
  type ThemeRow,
} from '../../../client/src/evidence/themeForm.js';

/** The key-theme form's rules: what can be linked, how links read, what is sent, and what is refused before sending. */

const POL = 'agency-pol-00000000001';
const ICB = 'agency-icb-00000000001';
const name = (id: string) => (id === POL ? 'Test Police' : id === ICB ? 'Test Health' : 'Agency');
const row = (id: string, agencyId: string, keyLearning: boolean): ThemeRow => ({
  id,
  agencyId,
  date: exactDate('2026-03-12'),
  keyEvent: 'Police attended a domestic incident.',
  team: { keyLearning },
});
const query: EvidenceQuery = {
  id: 'query-00000000000001',
  reviewId: 'review-0000000000001',
  agencyId: POL,
  target: { kind: 'chronology-row', entryId: 'entry-00000000000001' },
  status: 'answered',
  createdAt: '2026-11-02T10:00:00Z',
  createdBy: 'user-00000000000001',
  resolvedAt: null,
  resolvedBy: null,
  version: 2,
  messages: [
    { id: 'message-0000000000001', kind: 'question', by: 'user-00000000000001', byName: 'Reviewer', at: '2026-11-02T10:00:00Z', text: 'Was the child present?' },
    { id: 'message-0000000000002', kind: 'answer', by: 'user-00000000000002', byName: 'Author', at: '2026-11-03T10:00:00Z', text: 'Yes, asleep upstairs.' },
  ],
};
const rowLink: EvidenceLink = { kind: 'chronology-row', agencyId: POL, entryId: 'entry-00000000000001' };
const answerLink: EvidenceLink = { kind: 'query-answer', queryId: query.id, messageId: 'message-0000000000002' };

describe('the evidence a theme can rest on', () => {
  const options = themeLinkOptions({
    rows: [row('entry-00000000000001', POL, true), row('entry-00000000000002', ICB, false)],
    requests: [
      { agencyId: POL, kind: 'learning-template' },
      { agencyId: ICB, kind: 'information-report' },
      { agencyId: ICB, kind: 'key-events-chronology' },
    ],
    kloeCount: 2,
    queries: [query],
    current: [],
  });

  it('offers key practice learning rows, each key-line analysis, the report analysis questions and every answer (never a question)', () => {
    expect(options).toEqual([
      rowLink,
      { kind: 'template-analysis', agencyId: POL, section: 'kloe-1' },
      { kind: 'template-analysis', agencyId: POL, section: 'kloe-2' },
      { kind: 'report-section', agencyId: ICB, section: 'q4' },
      { kind: 'report-section', agencyId: ICB, section: 'q5' },
      { kind: 'report-section', agencyId: ICB, section: 'q6' },
      answerLink,
    ]);
  });

  it('keeps offering a link the theme already has, so it can be unlinked, without listing it twice', () => {
    const gone: EvidenceLink = { kind: 'chronology-row', agencyId: ICB, entryId: 'entry-00000000000002' };
    const withCurrent = themeLinkOptions({ rows: [row('entry-00000000000001', POL, true)], requests: [], kloeCount: 0, queries: [], current: [rowLink, gone] });
    expect(withCurrent).toEqual([rowLink, gone]);
  });
});

describe('linking and unlinking', () => {
  it('adds a link at the end, removes it again, and never holds one twice', () => {
    const one = toggleLink([], rowLink, true);
    const two = toggleLink(one, answerLink, true);
    expect(two).toEqual([rowLink, answerLink]);
    expect(toggleLink(two, rowLink, true)).toEqual([answerLink, rowLink]);
    expect(toggleLink(two, rowLink, false)).toEqual([answerLink]);
    expect(toggleLink([], rowLink, false)).toEqual([]);
  });

  it('names each link with its agency, the row’s date and event, and the answer’s words', () => {
    const rows = [row('entry-00000000000001', POL, true)];
    expect(linkLabel(rowLink, name, [query], rows)).toBe('Chronology row (Test Police): 12/03/2026, Police attended a domestic incident.');
    expect(linkLabel(rowLink, name, [query], [])).toBe('Chronology row (Test Police)');
    expect(linkLabel({ kind: 'template-analysis', agencyId: POL, section: 'kloe-1' }, name, [])).toBe('Test Police learning template, Section 3: key line of enquiry 1');
    expect(linkLabel(answerLink, name, [query])).toBe('Answer to a review-team query from Test Police: “Yes, asleep upstairs.”');
    expect(linkLabel(answerLink, name, [])).toBe('Answer to a review-team query from an agency');
  });

  it('gives each link a distinct element id', () => {
    const ids = [rowLink, answerLink, { kind: 'template-analysis', agencyId: POL, section: 'kloe-1' } as const].map((l) => linkDomId('theme-link', l));
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /^[a-z0-9-]+$/i.test(id))).toBe(true);
  });
});

describe('what the form sends', () => {
  it('refuses a theme without a title, or with too long a title, before sending', () => {
    expect(themeFormError(BLANK_THEME_FORM)).toBe('Give the theme a title.');
    expect(themeFormError({ ...BLANK_THEME_FORM, title: '   ' })).toBe('Give the theme a title.');
    expect(themeFormError({ ...BLANK_THEME_FORM, title: 'x'.repeat(201) })).toMatch(/200 characters/);
    expect(themeFormError({ ...BLANK_THEME_FORM, title: 'Seeing the child alone' })).toBeNull();
  });

  it('sends a body the server accepts: trimmed, with the version it was edited from when editing', () => {
    const form = { title: ' Seeing the child alone ', summary: ' Rarely without her mother. ', links: [rowLink, answerLink] };
    const created = themeBody(form);
    expect(created).toEqual({ title: 'Seeing the child alone', summary: 'Rarely without her mother.', evidence: [rowLink, answerLink] });
    expect(KeyThemeBodySchema.safeParse(created).success).toBe(true);
    const edited = themeBody(form, 3);
    expect(edited).toMatchObject({ baseVersion: 3 });
    expect(KeyThemeUpdateBodySchema.safeParse(edited).success).toBe(true);
  });

  it('starts an edit from the theme as saved, with its own copy of the links', () => {
    const theme = { title: 'T', summary: 'S', evidence: [rowLink] };
    const form = formFromTheme(theme);
    expect(form).toEqual({ title: 'T', summary: 'S', links: [rowLink] });
    form.links.push(answerLink);
    expect(theme.evidence).toEqual([rowLink]);
  });
});
