import * as Y from 'yjs';
import { blankEntry, exactDate, readEntry, writeEntry, type ChronologyEntry } from '../shared/chronology/index.js';
import { FileDocStore } from '../server/storage/FileDocStore.js';
import { startTestServer, tempDataDir } from '../tests/utils/testServer.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced, until } from '../tests/utils/yjsClient.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Bytes written to the doc store for one edit to a 2,000-character field (issue 18 measured 2,042 B when
 * the field was a plain string, rewritten whole on every save). Now the long fields of a row are Y.Text
 * (shared/sync/yText.ts), and an edit is the smallest diff. Measured:
 *  1. the store alone: a plain-string field replaced whole (the old way) against a one-character insert
 *     and a ten-word insert into the Y.Text, through the shared writer (writeEntry);
 *  2. through the real server: a WebsocketProvider types one character at a time into the field,
 *     the server relays and appends; bytes appended per keystroke.
 */
const FIELD_CHARS = 2_000;
const EDITS = 200;
const NAME = 'review.AAAAAAAAAAAAAAAAAAAAAA.chronology.BBBBBBBBBBBBBBBBBBBBBB';
const AGENCY = 'BBBBBBBBBBBBBBBBBBBBBB';
const ENTRY = 'entry0000000000000001';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const base = (): ChronologyEntry => ({ ...blankEntry(ENTRY, AGENCY, exactDate('2021-03-04' as never)), keyEvent: 'x'.repeat(FIELD_CHARS) });

async function storeOnly() {
  const store = new FileDocStore(tempDataDir('rr-bench-text-'));
  // The old way: the field a plain string, replaced whole by each save.
  const plain = new Y.Doc();
  const rec = new Y.Map<unknown>();
  plain.getMap('entries').set(ENTRY, rec);
  rec.set('keyEvent', 'x'.repeat(FIELD_CHARS));
  const plainUpdates: Uint8Array[] = [];
  plain.on('update', (u: Uint8Array) => plainUpdates.push(u));
  const plainSizes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const s = rec.get('keyEvent') as string;
    const at = (i * 37) % FIELD_CHARS;
    rec.set('keyEvent', `${s.slice(0, at)}y${s.slice(at + 1)}`);
    const before = store.stats.bytesWritten;
    await store.append(`${NAME}-plain`.replace('BBBBBBBBBBBBBBBBBBBBBB-plain', 'CCCCCCCCCCCCCCCCCCCCCC'), plainUpdates.at(-1)!);
    plainSizes.push(store.stats.bytesWritten - before);
  }
  // Now: a Y.Text, edited through the shared writer.
  const doc = new Y.Doc();
  writeEntry(doc, AGENCY, base());
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const oneChar: number[] = [];
  const tenWords: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const cur = readEntry(doc, AGENCY, ENTRY)!;
    const at = (i * 37) % FIELD_CHARS;
    const before = store.stats.bytesWritten;
    writeEntry(doc, AGENCY, { ...cur, keyEvent: `${cur.keyEvent.slice(0, at)}y${cur.keyEvent.slice(at)}`.slice(0, 9_000) });
    await store.append(NAME, updates.at(-1)!);
    oneChar.push(store.stats.bytesWritten - before);
  }
  for (let i = 0; i < 20; i++) {
    const cur = readEntry(doc, AGENCY, ENTRY)!;
    const before = store.stats.bytesWritten;
    writeEntry(doc, AGENCY, { ...cur, keyEvent: `${cur.keyEvent.slice(0, 500)} ${words(10)} ${cur.keyEvent.slice(500)}`.slice(0, 9_900) });
    await store.append(NAME, updates.at(-1)!);
    tenWords.push(store.stats.bytesWritten - before);
  }
  await store.close();
  const stat = (xs: number[]) => ({ mean: +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1), p50: percentile(xs, 50), max: Math.max(...xs) });
  return { plainStringReplaced: stat(plainSizes), yTextOneCharacter: stat(oneChar), yTextTenWords: stat(tenWords) };
}

async function endToEnd() {
  const server = await startTestServer({ env: { LOG_LEVEL: 'silent' } });
  const store = server.deps.docs;
  if (!(store instanceof FileDocStore)) throw new Error('expected the embedded FileDocStore');
  const fx = await createReviewWithMembers(server.url);
  const agencyId = fx.agencies[0]!.id;
  const name = `review.${fx.reviewId}.chronology.${agencyId}`;
  const author = openDoc(server.url, name, fx.author.cookie);
  const lead = openDoc(server.url, name, fx.lead.cookie);
  await Promise.all([synced(author), synced(lead)]);
  writeEntry(author.doc, agencyId, { ...base(), agencyId });
  await until(() => readEntry(lead.doc, agencyId, ENTRY)?.keyEvent.length === FIELD_CHARS, 'row relayed');
  await until(() => store.stats.appends > 0, 'row stored');
  const s1 = { ...store.stats };
  const text = author.doc.getMap<Y.Map<unknown>>('entries').get(ENTRY)!.get('keyEvent') as Y.Text;
  for (let i = 0; i < EDITS; i++) {
    text.insert((i * 37) % FIELD_CHARS, 'y');
    await until(() => readEntry(lead.doc, agencyId, ENTRY)!.keyEvent.length === FIELD_CHARS + i + 1, 'keystroke relayed');
  }
  await until(() => store.stats.appends - s1.appends >= EDITS, 'every keystroke durable');
  const bytes = store.stats.bytesWritten - s1.bytesWritten + store.stats.snapshotBytesWritten - s1.snapshotBytesWritten;
  author.destroy();
  lead.destroy();
  await server.close();
  return { keystrokes: EDITS, appends: store.stats.appends - s1.appends, bytesPerKeystroke: +(bytes / EDITS).toFixed(1) };
}

const direct = await storeOnly();
const e2e = await endToEnd();
writeResult('textFieldEdit', {
  fieldChars: FIELD_CHARS,
  edits: EDITS,
  storeOnly: direct,
  throughServer: e2e,
  before: 'issue 18: 2,042 B for one edit of a 2,000-character plain-string field',
});
process.exit(0);
