import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames.js';
import { docName } from '../../shared/docNames.js';
import { newId } from '../../shared/ids.js';
import { DOC_SHAPES } from '../../shared/sync/docShapes.js';
import {
  MAX_NAMED_VERSIONS_PER_DOC,
  changedFields,
  formatHistoryTime,
  groupVersions,
  type NameVersionInput,
  type NamedVersion,
  type RestoreInput,
} from '../../shared/history/versions.js';
import type { AppDeps } from '../app.js';
import { HttpError, notFound } from '../http/errors.js';
import { docContent, itemVersions, restoreDoc, restoreKey, stateAt } from '../history/reconstruct.js';
import type { DocHistory } from '../storage/history.js';

type Deps = Pick<AppDeps, 'sync' | 'records' | 'audit'>;

/** Names of the users in `ids` (a removed account shows as "Former user"). */
async function namesOf(deps: Deps, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (id === null || out.has(id)) continue;
    out.set(id, (await deps.records.get('users', id))?.name ?? 'Former user');
  }
  return out;
}

/** The oldest state history can show: the first retained entry's seq (entries before it are folded into the base). */
const oldestSeq = (h: DocHistory): number | null => h.entries[0]?.seq ?? null;

/** A doc's versions, newest first, with who made each and when, and its named versions. */
export async function listVersions(deps: Deps, ref: DocRef) {
  const name = docName(ref);
  const history = await deps.sync.history(name);
  const versions = groupVersions(history.entries);
  const named = (await deps.records.find('docVersions', { reviewId: ref.reviewId })).filter((n) => n.docName === name).sort((a, b) => b.seq - a.seq);
  const names = await namesOf(deps, [...versions.map((v) => v.userId), ...named.map((n) => n.createdBy)]);
  const oldest = oldestSeq(history);
  return {
    oldestSeq: oldest,
    versions: versions.map((v) => ({
      ...v,
      userName: names.get(v.userId) ?? 'Former user',
      fromText: formatHistoryTime(v.from),
      toText: formatHistoryTime(v.to),
    })),
    named: named.map((n) => ({
      id: n.id,
      seq: n.seq,
      label: n.label,
      createdBy: names.get(n.createdBy) ?? 'Former user',
      createdAt: n.createdAt,
      createdAtText: formatHistoryTime(Date.parse(n.createdAt)),
      available: oldest !== null && n.seq >= oldest,
    })),
  };
}

/** Throws 404 unless `seq` is a retained entry of the history. */
function checkSeq(history: DocHistory, seq: number): void {
  if (!history.entries.some((e) => e.seq === seq)) throw notFound('That version');
}

/** The doc's content as it was at version `seq`. */
export async function previewVersion(deps: Deps, ref: DocRef, seq: number) {
  const history = await deps.sync.history(docName(ref));
  checkSeq(history, seq);
  const doc = stateAt(history, seq);
  try {
    return { seq, content: docContent(doc, DOC_SHAPES[ref.kind]) };
  } finally {
    doc.destroy();
  }
}

/** Every version of one item (a row, a person, a genogram element), newest first, with the fields each changed. */
export async function itemHistory(deps: Deps, ref: DocRef, root: string, key: string) {
  if (!Object.hasOwn(DOC_SHAPES[ref.kind], root)) throw notFound('That item');
  const history = await deps.sync.history(docName(ref));
  const versions = itemVersions(history, root, key);
  if (versions.length === 0) throw notFound('That item');
  const names = await namesOf(
    deps,
    versions.map((v) => v.userId),
  );
  const out = versions.map((v, i) => ({
    seq: v.seq,
    at: v.at,
    atText: v.seq === 0 ? null : formatHistoryTime(v.at),
    userName: v.userId ? (names.get(v.userId) ?? 'Former user') : null,
    fields: changedFields(i === 0 ? null : versions[i - 1]!.value, v.value),
    value: v.value,
  }));
  return { root, key, versions: out.reverse() };
}

/**
 * Restores the doc, or one item of it, to version `seq`, as one new update made for `actorId` through
 * the live room: connected editors see it at once, the history attributes it to the actor, and the
 * audit log records it. Changes only what differs, so concurrent edits elsewhere are kept.
 */
export async function restoreVersion(deps: Deps, ref: DocRef, actorId: string, input: RestoreInput): Promise<{ restored: boolean }> {
  const name = docName(ref);
  const shape = DOC_SHAPES[ref.kind];
  if (input.item && !Object.hasOwn(shape, input.item.root)) throw notFound('That item');
  const history = await deps.sync.history(name);
  checkSeq(history, input.seq);
  const source = stateAt(history, input.seq);
  const current = await deps.sync.snapshot(name);
  try {
    const before = Y.encodeStateVector(current);
    let changed = false;
    Y.transact(current, () => {
      changed = input.item ? restoreKey(current, source, input.item.root, shape[input.item.root]!, input.item.key) : restoreDoc(current, source, shape);
    });
    if (!changed) return { restored: false };
    await deps.sync.applyUpdate(name, Y.encodeStateAsUpdate(current, before), actorId);
  } finally {
    source.destroy();
    current.destroy();
  }
  await deps.audit.record({ type: 'history.restored', actorId, reviewId: ref.reviewId, targetId: input.item?.key ?? null, reason: input.item ? 'item' : 'doc' });
  return { restored: true };
}

/** Names version `seq` of the doc ("As submitted by the police on 03/11/2026"). */
export async function nameVersion(deps: Deps, ref: DocRef, actorId: string, input: NameVersionInput, now = new Date()): Promise<NamedVersion> {
  const name = docName(ref);
  const history = await deps.sync.history(name);
  checkSeq(history, input.seq);
  const existing = (await deps.records.find('docVersions', { reviewId: ref.reviewId })).filter((n) => n.docName === name);
  if (existing.length >= MAX_NAMED_VERSIONS_PER_DOC) {
    throw new HttpError(409, 'too-many-named-versions', `A document can keep at most ${MAX_NAMED_VERSIONS_PER_DOC} named versions.`);
  }
  const record: NamedVersion = { id: newId(), reviewId: ref.reviewId, docName: name, seq: input.seq, label: input.label, createdBy: actorId, createdAt: now.toISOString() };
  await deps.records.commit([{ op: 'put', collection: 'docVersions', record }], {
    audit: [{ type: 'history.version-named', actorId, reviewId: ref.reviewId, targetId: record.id }],
  });
  return record;
}
