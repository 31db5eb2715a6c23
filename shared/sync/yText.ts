import * as Y from 'yjs';

/**
 * Collaborative text fields (docs/sync.md, "Collaborative text"). Long fields of a record are stored as
 * a Y.Text, so two people typing in one field merge character by character. Documents written before
 * that hold a plain string there: readers accept both (recordFields reads a Y.Text as its string), and
 * a field is turned into a Y.Text lazily, by the first edit that changes it, so nothing is rewritten on
 * load and a document nobody edits stays as it was.
 */

/** The smallest edit turning `from` into `to`: keep the common prefix and suffix, replace the middle. */
export function textDiff(from: string, to: string): { index: number; remove: number; insert: string } {
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start += 1;
  // Never split a surrogate pair: step back onto its first half.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end += 1;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end -= 1;
  return { index: start, remove: from.length - start - end, insert: to.slice(start, to.length - end) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Applies the smallest edit that makes `text` read `value` (nothing when it already does). */
export function setText(text: Y.Text, value: string): void {
  const d = textDiff(text.toString(), value);
  if (d.remove === 0 && d.insert === '') return;
  const apply = () => {
    if (d.remove > 0) text.delete(d.index, d.remove);
    if (d.insert) text.insert(d.index, d.insert);
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}

/**
 * The Y.Text of a record's field, migrating a plain string (or an absent field) to a Y.Text holding the
 * same words first. Call it only for an edit: migrating is itself a write. Must run in a transaction
 * with the edit, so the migration and the edit reach others as one update.
 */
export function ensureText(record: Y.Map<unknown>, key: string): Y.Text {
  const held = record.get(key);
  if (held instanceof Y.Text) return held;
  const text = new Y.Text(typeof held === 'string' ? held : '');
  record.set(key, text);
  return text;
}

/**
 * Writes one text field of a record: a Y.Text is edited by the smallest diff (so a colleague's typing
 * elsewhere in the field survives); a plain string that differs becomes a Y.Text; an unchanged value is
 * left as stored.
 */
export function writeTextField(record: Y.Map<unknown>, key: string, value: string): void {
  const held = record.get(key);
  if (held instanceof Y.Text) {
    setText(held, value);
    return;
  }
  if (held === value) return;
  record.set(key, new Y.Text(value));
}

/** A text field's words, whether stored as a Y.Text or (written before collaborative text) a plain string. */
export function readTextValue(value: unknown): string | null {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : null;
}
