import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AskQueryBodySchema,
  KeyThemeContentSchema,
  agencyEvidenceDocAccess,
  openQueryCount,
  queryBadges,
  readInformationReport,
  readLearningTemplate,
  templateSectionShape,
  waitingFor,
  writeSection,
  TEMPLATE_BLOCK,
  type EvidenceQuery,
  type EvidenceRequest,
} from '../../../shared/evidence/index.js';
import { docAccess } from '../../../shared/docAccess.js';
import { docName, parseDocName } from '../../../shared/docNames.js';

/** Query threads, key theme links, waiting lists and the agency-owned document shapes. */

const R = 'review-00000000000001';
const A = 'agency-a-0000000000';
const B = 'agency-b-0000000000';
const q = (id: string, agencyId: string, kind: 'chronology-row' | 'template-section', status: EvidenceQuery['status']): EvidenceQuery => ({
  id,
  reviewId: R,
  agencyId,
  status,
  target: kind === 'chronology-row' ? { kind, entryId: 'entry-0000000000001' } : { kind, section: 'kloe-1' },
  messages: [{ id: 'message-00000000001', kind: 'question', by: 'user-00000000000001', byName: 'Reviewer', at: `2026-11-0${id.length % 9}T10:00:00Z`, text: 'Why?' }],
  createdAt: '2026-11-02T10:00:00Z',
  createdBy: 'user-00000000000001',
  resolvedAt: null,
  resolvedBy: null,
  version: 1,
});

describe('query threads', () => {
  const queries = [
    q('q1-00000000000000001', A, 'chronology-row', 'open'),
    q('q2-00000000000000001', A, 'chronology-row', 'answered'),
    q('q3-00000000000000001', A, 'chronology-row', 'resolved'),
    q('q4-00000000000000001', A, 'template-section', 'open'),
    q('q5-00000000000000001', B, 'chronology-row', 'open'),
  ];

  it('counts unresolved threads against the evidence they belong to', () => {
    expect(openQueryCount(queries, A, 'key-events-chronology')).toBe(2);
    expect(openQueryCount(queries, A, 'learning-template')).toBe(1);
    expect(openQueryCount(queries, A, 'information-report')).toBe(0);
  });

  it('gives badge counts per row or section', () => {
    const badges = queryBadges(queries.filter((x) => x.agencyId === A));
    expect(badges['row:entry-0000000000001']).toEqual({ unresolved: 2, waitingForAgency: 1 });
    expect(badges['template:kloe-1']).toEqual({ unresolved: 1, waitingForAgency: 1 });
  });

  it('lists what is waiting for an agency author, and endorsements for its senior lead only', () => {
    const req = (id: string, agencyId: string, status: EvidenceRequest['status'], endorsed: boolean): EvidenceRequest => ({
      id,
      reviewId: R,
      agencyId,
      kind: 'learning-template',
      status,
      sentOn: '2026-11-02',
      workingDays: 20,
      dueOn: id === 'r1-00000000000000001' ? '2026-11-30' : '2026-11-20',
      endorsement: endorsed ? { userId: 'user-00000000000002', name: 'S Lead', designation: 'Head', on: '2026-11-10', at: '' } : null,
      history: [],
      version: 1,
      updatedAt: '',
    });
    const requests = [
      req('r1-00000000000000001', A, 'in-progress', false),
      req('r2-00000000000000001', A, 'submitted', true),
      req('r3-00000000000000001', B, 'requested', false),
      req('r4-00000000000000001', A, 'returned', false),
    ];
    const author = waitingFor({ role: 'agency-author', agencyId: A }, requests, queries);
    expect(author.map((i) => (i.kind === 'query' ? i.queryId.slice(0, 2) : `${i.kind}:${i.requestId.slice(0, 2)}`))).toEqual(['request:r4', 'request:r1', 'q1', 'q4']);
    const lead = waitingFor({ role: 'agency-author', agencyId: A, seniorLead: { designation: 'Head' } }, requests, queries);
    expect(lead.filter((i) => i.kind === 'endorsement').map((i) => i.kind === 'endorsement' && i.requestId.slice(0, 2))).toEqual(['r4', 'r1']);
    expect(waitingFor({ role: 'review-team', agencyId: null }, requests, queries)).toEqual([]);
  });

  it('refuses hostile input', () => {
    expect(AskQueryBodySchema.safeParse({ agencyId: A, target: { kind: 'chronology-row', entryId: '../x' }, text: 'Why?' }).success).toBe(false);
    expect(AskQueryBodySchema.safeParse({ agencyId: A, target: { kind: 'template-section', section: 'kloe-1' }, text: '   ' }).success).toBe(false);
    expect(
      KeyThemeContentSchema.safeParse({
        title: 'Voice of the child',
        summary: '',
        evidence: [
          { kind: 'chronology-row', agencyId: A, entryId: 'entry-0000000000001' },
          { kind: 'chronology-row', agencyId: A, entryId: 'entry-0000000000001' },
        ],
      }).success,
    ).toBe(false);
  });
});

describe('agency-owned evidence documents', () => {
  it('names them per agency and opens them only to that agency’s authors among agencies', () => {
    const ref = parseDocName(`review.${R}.learning-template.${A}`)!;
    expect(ref).toEqual({ reviewId: R, kind: 'learning-template', agencyId: A });
    expect(docName(ref)).toBe(`review.${R}.learning-template.${A}`);
    expect(parseDocName(`review.${R}.information-report.${B}`)).toEqual({ reviewId: R, kind: 'information-report', agencyId: B });
    expect(parseDocName(`review.${R}.learning-template`)).toBeNull();
    const m = (role: 'agency-author' | 'review-team' | 'observer' | 'lead-reviewer', agencyId: string | null) => ({ reviewId: R, role, agencyId });
    expect(docAccess(ref, m('agency-author', A))).toBe('write');
    expect(docAccess(ref, m('agency-author', B))).toBe('none');
    expect(docAccess(ref, m('review-team', null))).toBe('read');
    expect(docAccess(ref, m('lead-reviewer', null))).toBe('read');
    expect(docAccess(ref, m('observer', null))).toBe('read');
  });

  it('reads a learning template with one block per key line of enquiry, ignoring crafted values', () => {
    const doc = new Y.Doc();
    writeSection(doc, 'kloe-2', TEMPLATE_BLOCK, { analysis: 'Supervision was not recorded.' }, 100);
    writeSection(doc, 'event-3', TEMPLATE_BLOCK, { narrative: 'A missed appointment.' }, 100);
    const crafted = new Y.Map<unknown>();
    doc.getMap('sections').set('section-2', crafted);
    crafted.set('synopsis', 42);
    crafted.set('evil', 'x');
    const t = readLearningTemplate(doc, ['Voice of the child', 'Supervision']);
    expect(t.kloes.map((k) => [k.key, k.kloe, k.fields['analysis']])).toEqual([
      ['kloe-1', 'Voice of the child', ''],
      ['kloe-2', 'Supervision', 'Supervision was not recorded.'],
    ]);
    expect(t.events.map((e) => e.key)).toEqual(['event-3']);
    expect(t.section2).toEqual({ synopsis: '' });
    expect(templateSectionShape('kloe-0')).toBeNull();
    expect(templateSectionShape('event-31')).toBeNull();
    expect(() => writeSection(doc, 'kloe-1', TEMPLATE_BLOCK, { analysis: 'x'.repeat(101) }, 100)).toThrow();
  });

  it('makes the agency’s document read-only while submitted or accepted', () => {
    expect(agencyEvidenceDocAccess('write', null)).toBe('write');
    expect(agencyEvidenceDocAccess('write', 'in-progress')).toBe('write');
    expect(agencyEvidenceDocAccess('write', 'returned')).toBe('write');
    expect(agencyEvidenceDocAccess('write', 'submitted')).toBe('read');
    expect(agencyEvidenceDocAccess('write', 'accepted')).toBe('read');
    expect(agencyEvidenceDocAccess('none', 'in-progress')).toBe('none');
    expect(agencyEvidenceDocAccess('read', 'in-progress')).toBe('read');
  });

  it('reads every question of an information report', () => {
    const r = readInformationReport(new Y.Doc());
    expect(Object.keys(r)).toEqual(['background', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']);
    expect(r.background['noInvolvement']).toBe(false);
  });
});
