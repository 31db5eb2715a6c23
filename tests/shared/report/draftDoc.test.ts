import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type ReportDraft } from '../../../shared/report/draft.js';
import { DRAFT_ROOTS, draftDocStarted, readDraftDoc, writeDraftDoc } from '../../../shared/report/draftDoc.js';
import { checkUpdate } from '../../../shared/sync/checkUpdate.js';
import { DOC_SHAPES } from '../../../shared/sync/docShapes.js';
import { docAccess } from '../../../shared/docAccess.js';
import { docName, parseDocName } from '../../../shared/docNames.js';

const R = 'review00000000000001';

function sample(): ReportDraft {
  return {
    ...emptyDraft(),
    executiveSummary: 'Summary as typed ',
    keyLinesOfEnquiry: ['How was the child heard?'],
    familyInvolved: true,
    themes: [{ id: 'theme-1', title: 'Hearing the child', analysis: 'Analysis', entryIds: [], promptIds: [], keyThemeId: null }],
    learningPoints: [
      { id: 'lp-1', text: '', themeId: 'theme-1' },
      { id: 'lp-2', text: 'Second', themeId: null },
    ],
    recommendations: [{ id: 'rec-1', text: 'Do this', organisation: 'Partnership', measure: '', learningPointIds: ['lp-2'] }],
    actionPlan: [{ recommendationId: 'rec-1', actions: 'Act', responsible: 'Chair', timescale: '3 months', actionsTaken: '', progress: '', rag: 'amber', evidence: '' }],
  };
}

describe('report draft document', () => {
  it('round-trips a draft exactly as typed (blank items and trailing spaces kept), in order', () => {
    const doc = new Y.Doc();
    expect(draftDocStarted(doc)).toBe(false);
    writeDraftDoc(doc, sample());
    expect(draftDocStarted(doc)).toBe(true);
    expect(readDraftDoc(doc)).toEqual(sample());
    const reordered = { ...sample(), learningPoints: [sample().learningPoints[1]!, sample().learningPoints[0]!] };
    writeDraftDoc(doc, reordered);
    expect(readDraftDoc(doc).learningPoints.map((p) => p.id)).toEqual(['lp-2', 'lp-1']);
  });

  it('refuses an invalid draft and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => writeDraftDoc(doc, { ...sample(), executiveSummary: 'bad\u0000' })).toThrow();
    expect(doc.getMap(DRAFT_ROOTS.settings).size).toBe(0);
  });

  it('merges two people editing the same section', () => {
    const a = new Y.Doc();
    writeDraftDoc(a, { ...emptyDraft(), introduction: 'This review concerns Child A.' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    writeDraftDoc(a, { ...readDraftDoc(a), introduction: 'This rapid review concerns Child A.' });
    writeDraftDoc(b, { ...readDraftDoc(b), introduction: 'This review concerns Child A and her brother.' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readDraftDoc(a).introduction).toBe('This rapid review concerns Child A and her brother.');
    expect(readDraftDoc(b)).toEqual(readDraftDoc(a));
  });

  it('passes the sync gate, which refuses what breaks its shape', () => {
    const doc = new Y.Doc();
    const upd: Uint8Array[] = [];
    const client = new Y.Doc();
    client.on('update', (u: Uint8Array) => upd.push(u));
    writeDraftDoc(client, sample());
    expect(checkUpdate(doc, Y.mergeUpdates(upd), DOC_SHAPES.report)).toMatchObject({ ok: true });
    const bad = new Y.Doc();
    const badUpd: Uint8Array[] = [];
    bad.on('update', (u: Uint8Array) => badUpd.push(u));
    bad.getMap('sections').set('introduction', 'not a record');
    expect(checkUpdate(doc, Y.mergeUpdates(badUpd), DOC_SHAPES.report)).toMatchObject({ ok: false, reason: 'shape' });
  });

  it('is named review.<id>.report and follows the report draft policy', () => {
    const ref = parseDocName(`review.${R}.report`);
    expect(ref).toEqual({ reviewId: R, kind: 'report' });
    expect(docName(ref!)).toBe(`review.${R}.report`);
    const m = (role: 'lead-reviewer' | 'review-team' | 'agency-author' | 'observer') => ({ reviewId: R, role, agencyId: null });
    expect(docAccess(ref!, m('lead-reviewer'))).toBe('write');
    expect(docAccess(ref!, m('review-team'))).toBe('read');
    expect(docAccess(ref!, m('agency-author'))).toBe('none');
    expect(docAccess(ref!, m('observer'))).toBe('none');
  });
});
