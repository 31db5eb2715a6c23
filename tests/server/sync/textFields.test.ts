import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { api } from '../../utils/api.js';
import { openDoc, openRaw, syncFrame, synced, until, type TestClient } from '../../utils/yjsClient.js';
import { ENTRIES_MAP, blankEntry, readEntry, writeEntry } from '../../../shared/chronology/index.js';
import { emptyDraft } from '../../../shared/report/draft.js';
import { readDraftDoc, writeDraftDoc } from '../../../shared/report/draftDoc.js';
import { MAX_TEXT_FIELD_CHARS } from '../../../shared/sync/docShapes.js';
import { CLOSE_BAD_SHAPE, CLOSE_TOO_LARGE } from '../../../shared/sync/closeCodes.js';

/**
 * Issue 13, item 1 and 4, with real WebsocketProvider clients through the sync server (both backends):
 * two people typing in one collaborative text field both keep their words; the gate takes a Y.Text in
 * a text field within its cap and refuses one past it, or in a field that is not text; the report draft
 * document is written by the lead reviewer only.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
const clients: TestClient[] = [];
const open = (...args: Parameters<typeof openDoc>) => {
  const c = openDoc(...args);
  clients.push(c);
  return c;
};
const ROW = 'rowTEXTAAAAAAAAAAAAAA1';

beforeAll(async () => {
  server = await startTestServer({ config: { docIdleUnloadMs: 50 } });
  fx = await createReviewWithMembers(server.url);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

const chronology = () => `review.${fx.reviewId}.chronology.${fx.agencies[0]!.id}`;

/** The stored document, replayed from the store. */
async function stored(name: string): Promise<Y.Doc> {
  const d = new Y.Doc();
  for (const u of await server.deps.docs.load(name)) Y.applyUpdate(d, u);
  return d;
}

/** The update a change makes to a copy of what `c` holds: what its own next edit would send. */
function editOf(c: TestClient, change: (d: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  let out: Uint8Array | null = null;
  copy.on('update', (u: Uint8Array) => {
    out = out ? Y.mergeUpdates([out, u]) : u;
  });
  copy.transact(() => change(copy));
  if (!out) throw new Error('no change');
  return out;
}

describe('collaborative text through the sync server', () => {
  it('keeps both people’s typing in one field, on a row stored with a plain string before', async () => {
    const agencyId = fx.agencies[0]!.id;
    const lead = open(server.url, chronology(), fx.lead.cookie);
    const police = open(server.url, chronology(), fx.author.cookie);
    await Promise.all([synced(lead), synced(police)]);
    // A row as older versions stored it: the key event a plain string.
    lead.doc.transact(() => {
      const m = new Y.Map<unknown>();
      lead.doc.getMap(ENTRIES_MAP).set(ROW, m);
      m.set('date', { precision: 'day', year: 2019, month: 3, day: 12, uncertainty: 'none' });
      m.set('keyEvent', 'Police attended.');
    });
    await until(() => readEntry(police.doc, agencyId, ROW)?.keyEvent === 'Police attended.', 'row relayed');

    // The police migrate the field by their first edit; then both type in it at once, each at their own place.
    writeEntry(police.doc, agencyId, { ...readEntry(police.doc, agencyId, ROW)!, keyEvent: 'Police attended at 22:10.' });
    await until(() => lead.doc.getMap<Y.Map<unknown>>(ENTRIES_MAP).get(ROW)!.get('keyEvent') instanceof Y.Text, 'migration relayed');
    const leadText = lead.doc.getMap<Y.Map<unknown>>(ENTRIES_MAP).get(ROW)!.get('keyEvent') as Y.Text;
    const policeText = police.doc.getMap<Y.Map<unknown>>(ENTRIES_MAP).get(ROW)!.get('keyEvent') as Y.Text;
    police.provider.disconnect();
    const typed = ' Mother seen.';
    for (let i = 0; i < typed.length; i++) policeText.insert(policeText.length, typed[i]!);
    for (const [i, ch] of [...'Uniformed '].entries()) leadText.insert(i, ch);
    police.provider.connect();
    const want = 'Uniformed Police attended at 22:10. Mother seen.';
    await until(() => leadText.toString() === want && policeText.toString() === want, 'both edits in both clients', 20_000);
    await until(async () => readEntry(await stored(chronology()), agencyId, ROW)?.keyEvent === want, 'both edits stored', 20_000);
  });

  it('accepts a Y.Text at its cap, and refuses one past it or in a field that is not text, applying nothing', async () => {
    const agencyId = fx.agencies[0]!.id;
    const lead = open(server.url, chronology(), fx.lead.cookie);
    await synced(lead);
    const atCap = 'rowTEXTAAAAAAAAAAAAAA2';
    writeEntry(lead.doc, agencyId, {
      ...blankEntry(atCap, agencyId, { precision: 'year', year: 2020, month: null, day: null, uncertainty: 'none' }),
      keyEvent: 'x'.repeat(MAX_TEXT_FIELD_CHARS),
    });
    await until(async () => readEntry(await stored(chronology()), agencyId, atCap)?.keyEvent.length === MAX_TEXT_FIELD_CHARS, 'text at the cap stored', 20_000);

    const past = editOf(lead, (d) => (d.getMap<Y.Map<unknown>>(ENTRIES_MAP).get(atCap)!.get('keyEvent') as Y.Text).insert(0, 'y'));
    const raw = openRaw(server.url, chronology(), fx.lead.cookie);
    await raw.opened;
    raw.ws.send(syncFrame(2, past));
    expect(await raw.closed).toBe(CLOSE_TOO_LARGE);

    const notText = editOf(lead, (d) => d.getMap<Y.Map<unknown>>(ENTRIES_MAP).get(atCap)!.set('source', new Y.Text('Police log')));
    const raw2 = openRaw(server.url, chronology(), fx.lead.cookie);
    await raw2.opened;
    raw2.ws.send(syncFrame(2, notText));
    expect(await raw2.closed).toBe(CLOSE_BAD_SHAPE);

    const d = await stored(chronology());
    expect(readEntry(d, agencyId, atCap)?.keyEvent).toBe('x'.repeat(MAX_TEXT_FIELD_CHARS));
    expect(d.getMap<Y.Map<unknown>>(ENTRIES_MAP).get(atCap)!.get('source')).toBe('');
  });
});

describe('the report draft document', () => {
  const name = () => `review.${fx.reviewId}.report`;

  it('merges the lead reviewer’s sections, lets the review team read them, and opens to nobody else', async () => {
    const lead = open(server.url, name(), fx.lead.cookie);
    const lead2 = open(server.url, name(), fx.lead.cookie);
    const team = open(server.url, name(), fx.team.cookie);
    await Promise.all([synced(lead), synced(lead2), synced(team)]);
    writeDraftDoc(lead.doc, { ...emptyDraft(), introduction: 'This review concerns Child T.' });
    await until(() => readDraftDoc(lead2.doc).introduction === 'This review concerns Child T.', 'draft relayed');
    lead2.provider.disconnect();
    writeDraftDoc(lead.doc, { ...readDraftDoc(lead.doc), introduction: 'This rapid review concerns Child T.' });
    writeDraftDoc(lead2.doc, { ...readDraftDoc(lead2.doc), introduction: 'This review concerns Child T and her brother.' });
    lead2.provider.connect();
    const want = 'This rapid review concerns Child T and her brother.';
    await until(() => readDraftDoc(team.doc).introduction === want && readDraftDoc(lead.doc).introduction === want, 'merged draft everywhere', 20_000);
    await until(async () => readDraftDoc(await stored(name())).introduction === want, 'merged draft stored', 20_000);

    // The review team reads; its writes are dropped.
    writeDraftDoc(team.doc, { ...readDraftDoc(team.doc), goodPractice: 'Team text' });
    writeDraftDoc(lead.doc, { ...readDraftDoc(lead.doc), executiveSummary: 'Lead summary' });
    await until(async () => readDraftDoc(await stored(name())).executiveSummary === 'Lead summary', 'lead summary stored', 20_000);
    expect(readDraftDoc(await stored(name())).goodPractice).toBe('');

    // The preview and exports read the draft from the document (blank items being written are left out).
    writeDraftDoc(lead.doc, { ...readDraftDoc(lead.doc), learningPoints: [{ id: 'lp-1', text: '', themeId: null }] });
    await until(async () => readDraftDoc(await stored(name())).learningPoints.length === 1, 'blank point stored', 20_000);
    const preview = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/report/preview`, { cookie: fx.lead.cookie });
    expect(preview.status).toBe(200);
    expect(preview.body.markdown).toContain(want);
    expect(preview.body.markdown).toContain('Lead summary');
    const rest = await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/report/draft`, { cookie: fx.team.cookie });
    expect(rest.body.draft.introduction).toBe(want);

    for (const who of [fx.author, fx.observer]) {
      const c = open(server.url, name(), who.cookie);
      expect((await c.closed).code).toBe(404);
      c.destroy();
    }
  });

  it('takes collaborative text only in the draft\u2019s listed text fields and within the cap, applying nothing else', async () => {
    const lead = open(server.url, name(), fx.lead.cookie);
    await synced(lead);
    writeDraftDoc(lead.doc, {
      ...readDraftDoc(lead.doc),
      goodPractice: 'x'.repeat(MAX_TEXT_FIELD_CHARS),
      themes: [{ id: 'theme-1', title: 'Sharing', analysis: '', entryIds: [], promptIds: [] }],
    });
    await until(async () => readDraftDoc(await stored(name())).goodPractice.length === MAX_TEXT_FIELD_CHARS, 'section at the cap stored', 20_000);

    const refusals: [Uint8Array, number][] = [
      // One character past the cap, in a listed text field.
      [editOf(lead, (d) => ((d.getMap<Y.Map<unknown>>('sections').get('goodPractice') as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'y')), CLOSE_TOO_LARGE],
      // A Y.Text in a field of a record that holds plain values (a theme's title).
      [editOf(lead, (d) => d.getMap<Y.Map<unknown>>('themes').get('theme-1')!.set('title', new Y.Text('Sharing'))), CLOSE_BAD_SHAPE],
      // A Y.Text in the plain settings root.
      [editOf(lead, (d) => d.getMap('settings').set('removedPrompts', new Y.Text('x'))), CLOSE_BAD_SHAPE],
    ];
    for (const [update, code] of refusals) {
      const raw = openRaw(server.url, name(), fx.lead.cookie);
      await raw.opened;
      raw.ws.send(syncFrame(2, update));
      expect(await raw.closed).toBe(code);
    }
    const d = await stored(name());
    expect(readDraftDoc(d).goodPractice).toBe('x'.repeat(MAX_TEXT_FIELD_CHARS));
    expect(d.getMap<Y.Map<unknown>>('themes').get('theme-1')!.get('title')).toBe('Sharing');
    expect(d.getMap('settings').get('removedPrompts')).toEqual([]);
  });
});
