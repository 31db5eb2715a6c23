import * as Y from 'yjs';
import type { RootShape } from '../../shared/sync/docShapes.js';
import type { DocHistory } from '../storage/history.js';

/** A doc's state as it was once the history entry `seq` had been applied (all entries up to it). */
export function stateAt(history: DocHistory, seq: number): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (history.base) Y.applyUpdate(doc, history.base);
    for (const e of history.entries) {
      if (e.seq > seq) break;
      Y.applyUpdate(doc, e.update);
    }
  });
  return doc;
}

/** The readable content of a doc's client roots (the server-only roots left out), as plain JSON. */
export function docContent(doc: Y.Doc, shape: Readonly<Record<string, RootShape>>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const root of Object.keys(shape)) out[root] = doc.getMap(root).toJSON() as Record<string, unknown>;
  return out;
}

/** One version of one item: the entry that changed it, and its value after that entry (null once removed). */
export type ItemVersion = { seq: number; userId: string | null; at: number; value: unknown };

/**
 * Every version of one item (a record or plain value under `root`), oldest first: the history is
 * replayed entry by entry and a version is kept whenever the item's value changed. The first version
 * is the item as the base holds it, when it holds it (seq 0: older than the retained history).
 */
export function itemVersions(history: DocHistory, root: string, key: string): ItemVersion[] {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>(root);
  const read = (): unknown => {
    const v = map.get(key);
    if (v === undefined) return null;
    return v instanceof Y.AbstractType ? v.toJSON() : v;
  };
  const out: ItemVersion[] = [];
  try {
    if (history.base) Y.applyUpdate(doc, history.base);
    let last = JSON.stringify(read());
    if (last !== 'null') out.push({ seq: 0, userId: null, at: 0, value: JSON.parse(last) });
    for (const e of history.entries) {
      Y.applyUpdate(doc, e.update);
      const now = JSON.stringify(read());
      if (now === last) continue;
      last = now;
      out.push({ seq: e.seq, userId: e.userId, at: e.at, value: JSON.parse(now) });
    }
    return out;
  } finally {
    doc.destroy();
  }
}

/**
 * Makes `key` under `root` of `target` equal to the same key of `source`, changing only what differs
 * (so a restore touches nothing it does not have to and merges with concurrent edits of other fields):
 * a key `source` lacks is deleted, a record's fields are set or deleted one by one, and a collaborative
 * text is rewritten only if its text differs. Returns whether anything changed.
 */
export function restoreKey(target: Y.Doc, source: Y.Doc, root: string, shape: RootShape, key: string): boolean {
  const to = target.getMap<unknown>(root);
  const from = source.getMap<unknown>(root).get(key);
  const now = to.get(key);
  if (from === undefined) {
    if (now === undefined) return false;
    to.delete(key);
    return true;
  }
  if (shape.holds === 'plain' || !(from instanceof Y.Map)) {
    const value = from instanceof Y.AbstractType ? from.toJSON() : from;
    if (JSON.stringify(value) === JSON.stringify(now instanceof Y.AbstractType ? now.toJSON() : now)) return false;
    to.set(key, structuredClone(value));
    return true;
  }
  let record = now instanceof Y.Map ? (now as Y.Map<unknown>) : null;
  if (!record) {
    record = new Y.Map<unknown>();
    to.set(key, record);
  }
  let changed = now !== record;
  for (const field of [...record.keys()]) {
    if (!from.has(field)) {
      record.delete(field);
      changed = true;
    }
  }
  for (const [field, value] of from.entries() as IterableIterator<[string, unknown]>) {
    const current = record.get(field);
    if (value instanceof Y.Text) {
      const text = value.toString();
      if (current instanceof Y.Text) {
        if (current.toString() === text) continue;
        current.delete(0, current.length);
        current.insert(0, text);
      } else {
        record.set(field, new Y.Text(text));
      }
      changed = true;
      continue;
    }
    const plain = value instanceof Y.AbstractType ? value.toJSON() : value;
    const currentPlain = current instanceof Y.AbstractType ? current.toJSON() : current;
    if (JSON.stringify(plain) === JSON.stringify(currentPlain)) continue;
    record.set(field, structuredClone(plain));
    changed = true;
  }
  return changed;
}

/** Restores every key of every root in `shape` (the whole doc) from `source`; returns whether anything changed. */
export function restoreDoc(target: Y.Doc, source: Y.Doc, shape: Readonly<Record<string, RootShape>>): boolean {
  let changed = false;
  for (const [root, rootShape] of Object.entries(shape)) {
    const keys = new Set([...target.getMap(root).keys(), ...source.getMap(root).keys()]);
    for (const key of keys) if (restoreKey(target, source, root, rootShape, key)) changed = true;
  }
  return changed;
}
