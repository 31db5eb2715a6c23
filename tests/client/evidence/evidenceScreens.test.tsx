import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { mayAnswerQuery, mayAskQuery, mayResolveQuery, type EvidenceMember, type EvidenceQuery } from '../../../shared/evidence/index.js';
import type { EvidenceOverview } from '../../../client/src/evidence/evidenceApi.js';
import { ThemeEditor } from '../../../client/src/evidence/KeyThemesPanel.js';
import { QueryThreads } from '../../../client/src/evidence/QueryThreads.js';
import { WaitingList } from '../../../client/src/evidence/WaitingList.js';

/**
 * The evidence screens as each role gets them, rendered to HTML: which query controls show for the
 * review team, the owning agency's author and an observer; the waiting list's lines and where they
 * lead; the theme form's linked evidence. The server refuses what these hide (tests/server/evidence).
 */

const R = 'review-0000000000001';
const POL = 'agency-pol-00000000001';
const change = { kind: 'org-change', changeId: 'change-0000000000001' } as const;
const thread: EvidenceQuery = {
  id: 'query-00000000000001',
  reviewId: R,
  agencyId: POL,
  target: change,
  status: 'open',
  messages: [{ id: 'message-0000000000001', kind: 'question', by: 'user-00000000000001', byName: 'Rita Reviewer', at: '2026-11-02T10:00:00Z', text: 'Why was the team merged?' }],
  createdAt: '2026-11-02T10:00:00Z',
  createdBy: 'user-00000000000001',
  resolvedAt: null,
  resolvedBy: null,
  version: 1,
};
const rightsOf = (m: EvidenceMember) => ({ ask: mayAskQuery(m), answer: mayAnswerQuery(m, POL), resolve: mayResolveQuery(m) });
const threads = (m: EvidenceMember, queries: readonly EvidenceQuery[]) =>
  renderToStaticMarkup(
    <QueryThreads
      reviewId={R}
      agencyId={POL}
      target={change}
      label="this change"
      queries={queries}
      rights={rightsOf(m)}
      onChanged={() => {}}
      emptyText="No queries on this change."
    />,
  );

describe('query threads on an organisational change', () => {
  it('lets any review-team member ask about another agency’s change, and resolve', () => {
    const html = threads({ role: 'review-team', agencyId: null }, [thread]);
    expect(html).toContain('Ask the agency about this change');
    expect(html).toContain('Send query');
    expect(html).toContain('Follow-up question');
    expect(html).toContain('Resolve query');
    expect(html).toContain('1 open');
    expect(html).not.toContain('Your answer');
  });

  it('lets the owning agency’s author answer, but not ask or resolve', () => {
    const html = threads({ role: 'agency-author', agencyId: POL }, [thread]);
    expect(html).toContain('Why was the team merged?');
    expect(html).toContain('Your answer');
    expect(html).toContain('Send answer');
    expect(html).not.toContain('Send query');
    expect(html).not.toContain('Resolve query');
  });

  it('shows an observer the thread to read, with no controls, and says when there is none', () => {
    const html = threads({ role: 'observer', agencyId: null }, [thread]);
    expect(html).toContain('Why was the team merged?');
    expect(html).not.toMatch(/<form|<button/);
    expect(threads({ role: 'observer', agencyId: null }, [])).toBe('<p>No queries on this change.</p>');
  });
});

const overview = (role: EvidenceOverview['me']['role'], waiting: EvidenceOverview['waiting']): EvidenceOverview => ({
  today: '2026-11-02',
  me: { role, agencyId: role === 'agency-author' ? POL : null, seniorLead: null, mayAppointSeniorLead: false },
  scope: { keyLinesOfEnquiry: [], periodStart: null, periodEnd: null },
  agencies: [{ id: POL, name: 'Test Police', shortCode: 'POL', colour: '#ffffff' }],
  authors: [],
  requests: [
    {
      id: 'request-000000000001',
      reviewId: R,
      agencyId: POL,
      kind: 'learning-template',
      status: 'in-progress',
      dueOn: '2026-11-20',
      requestedOn: '2026-11-02',
      requestedBy: 'user-00000000000001',
      endorsement: null,
      history: [],
      version: 2,
      openQueries: 0,
      deadline: { status: 'upcoming', workingDaysLeft: 14, phrase: '14 working days left' },
      actions: ['submit'],
    } as unknown as EvidenceOverview['requests'][number],
  ],
  milestones: [],
  waiting,
});

describe('the waiting list', () => {
  const waiting: EvidenceOverview['waiting'] = [
    { kind: 'request', requestId: 'request-000000000001', agencyId: POL, dueOn: '2026-11-20', returned: false },
    { kind: 'query', queryId: thread.id, agencyId: POL, askedAt: '2026-11-02T10:00:00Z' },
  ];

  it('lists an agency author’s work with its due date and the way to it', () => {
    const html = renderToStaticMarkup(<WaitingList reviewId={R} data={overview('agency-author', waiting)} queries={[thread]} onOpen={() => {}} />);
    expect(html).toContain('Waiting for you (2)');
    expect(html).toContain('Complete the learning template, due 20/11/2026');
    expect(html).toContain('Open the learning template');
    expect(html).toContain('Answer the review team’s query on an organisational change');
    expect(html).toContain(`href="/reviews/${R}/chronology"`);
  });

  it('is not shown to the review team', () => {
    expect(renderToStaticMarkup(<WaitingList reviewId={R} data={overview('review-team', waiting)} queries={[thread]} onOpen={() => {}} />)).toBe('');
  });
});

describe('the key theme form', () => {
  it('ticks the evidence already linked, and labels every box', () => {
    const linked = { kind: 'template-analysis', agencyId: POL, section: 'kloe-1' } as const;
    const other = { kind: 'template-analysis', agencyId: POL, section: 'kloe-2' } as const;
    const html = renderToStaticMarkup(
      <ThemeEditor
        idPrefix="theme-edit-x"
        initial={{ title: 'Seeing the child alone', summary: '', links: [linked] }}
        options={[linked, other]}
        label={(l) => `Police ${l.kind === 'template-analysis' ? l.section : ''}`}
        submitText="Save theme: Seeing the child alone"
        onSubmit={async () => null}
        onCancel={() => {}}
      />,
    );
    expect(html).toContain('value="Seeing the child alone"');
    const boxes = [...html.matchAll(/<input id="([^"]+)" type="checkbox"[^>]*>/g)];
    expect(boxes).toHaveLength(2);
    expect(boxes.map((b) => b[0].includes('checked=""'))).toEqual([true, false]);
    for (const b of boxes) expect(html).toContain(`for="${b[1]}"`);
    expect(html).toContain('Save theme: Seeing the child alone');
    expect(html).toContain('>Cancel<');
  });
});
