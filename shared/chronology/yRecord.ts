import * as Y from 'yjs';
import { writeTextField } from '../sync/yText.js';

/**
 * Small helpers for records stored as one Y.Map per record inside a parent Y.Map (record id -> fields).
 * One Y.Map per record lets two people edit different fields of the same row without conflict, and
 * writing only the changed fields keeps a single-field edit to a few hundred bytes.
 */

/**
 * The plain fields of a stored record, or null when the stored value is not a Y.Map or holds a nested
 * type other than a Y.Text (a crafted update). Only the record's own level is read: a value nested
 * thousands deep is refused without being walked, so one bad record cannot throw for the whole doc.
 */
export function recordFields(value: unknown): Record<string, unknown> | null {
  if (!(value instanceof Y.Map)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of (value as Y.Map<unknown>).entries()) {
    if (v instanceof Y.Text) out[k] = v.toString();
    else if (v instanceof Y.AbstractType) return null;
    else out[k] = v;
  }
  return out;
}

/**
 * Writes the given keys of `record` into the Y.Map under `id`, creating it when absent, changing only
 * values that differ (leaving keys the record leaves undefined), and deleting keys outside `keys` (left by an older version or a crafted update).
 * Keys in `textKeys` are collaborative text: written as the smallest edit of their Y.Text (a plain
 * string left by an older version becomes a Y.Text when it changes; shared/sync/yText.ts).
 * The caller validates first and wraps this in a transaction.
 */
export function writeRecord(parent: Y.Map<unknown>, id: string, record: Record<string, unknown>, keys: readonly string[], textKeys: readonly string[] = []): void {
  let ymap = parent.get(id);
  if (!(ymap instanceof Y.Map)) {
    ymap = new Y.Map<unknown>();
    parent.set(id, ymap);
  }
  const target = ymap as Y.Map<unknown>;
  for (const k of keys) {
    const v = record[k];
    // An optional field the writer did not set is left as stored: a writer never clears what it did not read.
    if (v === undefined) continue;
    if (typeof v === 'string' && textKeys.includes(k)) {
      writeTextField(target, k, v);
      continue;
    }
    if (JSON.stringify(target.get(k)) !== JSON.stringify(v)) target.set(k, v);
  }
  for (const k of [...target.keys()]) if (!keys.includes(k)) target.delete(k);
}
