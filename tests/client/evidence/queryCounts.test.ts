import { describe, expect, it } from 'vitest';
import type { EvidenceQuery, QueryTarget, WorkItem } from '../../../shared/evidence/index.js';
import { openQueriesOn, openQueriesText, openQueryCounts, queryTargetText, queryThreadCounts } from '../../../client/src/evidence/queryCounts.js';
import { waitingLine } from '../../../client/src/evidence/waitingItems.js';

/** Query badges on rows, changes and sections, and the words and places of an agency author's waiting list. */

const POL = 'agency-pol-00000000001';
let n = 0;
const q = (target: QueryTarget, status: EvidenceQuery['status']): EvidenceQuery => ({
  id: `query-0000000000000${++n}`.slice(0, 20),
  reviewId: 'review-0000000000001',
  agencyId: POL,
  target,
  status,
  messages: [{ id: 'message-0000000000001', kind: 'question', by: 'user-00000000000001', byName: 'Reviewer', at: '2026-11-02T10:00:00Z', text: 'Why?' }],
  createdAt: '2026-11-02T10:00:00Z',
  createdBy: 'user-00000000000001',
  resolvedAt: null,
  resolvedBy: null,
  version: 1,
});
const row: QueryTarget = { kind: 'chronology-row', entryId: 'entry-00000000000001' };
const change: QueryTarget = { kind: 'org-change', changeId: 'change-0000000000001' };
const section: QueryTarget = { kind: 'template-section', section: 'kloe-1' };

describe('query badges', () => {
  const queries = [q(row, 'open'), q(row, 'answered'), q(row, 'resolved'), q(change, 'open'), q(section, 'resolved')];
  const counts = openQueryCounts(queries);

  it('counts open and answered threads (not resolved ones) per row, change or section', () => {
    expect(openQueriesOn(counts, row)).toBe(2);
    expect(openQueriesOn(counts, change)).toBe(1);
    expect(openQueriesOn(counts, section)).toBe(0);
    expect(openQueriesOn(counts, { kind: 'org-change', changeId: 'change-0000000000002' })).toBe(0);
  });

  it('counts every thread, resolved or not, to know where there is something to read', () => {
    const all = queryThreadCounts(queries);
    expect(all.get('row:entry-00000000000001')).toBe(3);
    expect(all.get('template:kloe-1')).toBe(1);
    expect(all.get('change:change-0000000000002')).toBeUndefined();
  });

  it('says the count in words', () => {
    expect(openQueriesText(1)).toBe('1 open query');
    expect(openQueriesText(3)).toBe('3 open queries');
  });

  it('names what a thread is about', () => {
    expect(queryTargetText(row)).toBe('a chronology row');
    expect(queryTargetText(change)).toBe('an organisational change');
    expect(queryTargetText(section)).toBe('the learning template, Section 3: key line of enquiry 1');
    expect(queryTargetText({ kind: 'report-section', section: 'q4' })).toBe('the information report, 4. Analysis of involvement');
  });
});

describe('the waiting list', () => {
  const requests = [
    { id: 'request-000000000001', kind: 'learning-template' as const, agencyId: POL },
    { id: 'request-000000000002', kind: 'key-events-chronology' as const, agencyId: POL },
  ];
  const onChange = q(change, 'open');
  const onSection = q(section, 'open');

  it('sends each item to where it is done: the document, or the chronology', () => {
    const item = (w: WorkItem) => waitingLine(w, requests, [onChange, onSection]);
    expect(item({ kind: 'request', requestId: 'request-000000000001', agencyId: POL, dueOn: '2026-12-01', returned: false })).toEqual({
      key: 'request-request-000000000001',
      text: 'Complete the learning template',
      place: { kind: 'document', requestId: 'request-000000000001' },
    });
    expect(item({ kind: 'request', requestId: 'request-000000000001', agencyId: POL, dueOn: '2026-12-01', returned: true }).text).toBe('Revise the returned learning template');
    expect(item({ kind: 'endorsement', requestId: 'request-000000000002', agencyId: POL, dueOn: '2026-12-01' })).toMatchObject({
      text: 'Endorse the key events chronology',
      place: { kind: 'chronology' },
    });
    expect(item({ kind: 'query', queryId: onChange.id, agencyId: POL, askedAt: '2026-11-02T10:00:00Z' })).toEqual({
      key: `q-${onChange.id}`,
      text: 'Answer the review team’s query on an organisational change',
      place: { kind: 'chronology' },
    });
    expect(item({ kind: 'query', queryId: onSection.id, agencyId: POL, askedAt: '2026-11-02T10:00:00Z' })).toMatchObject({
      text: 'Answer the review team’s query on the learning template, Section 3: key line of enquiry 1',
      place: { kind: 'document', requestId: 'request-000000000001' },
    });
  });

  it('still says what to do when the thread is not loaded yet', () => {
    expect(waitingLine({ kind: 'query', queryId: 'query-unknown-000001', agencyId: POL, askedAt: '2026-11-02T10:00:00Z' }, requests, [])).toMatchObject({
      text: 'Answer the review team’s query on your evidence',
      place: null,
    });
  });
});
