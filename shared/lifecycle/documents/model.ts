/**
 * A small, renderer-neutral model of the lifecycle documents (the Rapid Review template, the letter
 * to the National Panel, the terms of reference). shared/ decides what each document says; the
 * server's Word renderer decides only how it looks, so the wording can be tested without a .docx.
 */

/** The protective marking on every page of every lifecycle export. */
export const LIFECYCLE_MARKING = 'OFFICIAL-SENSITIVE';

/** What an empty answer shows in an export, so a gap is visible rather than silent. */
export const NOT_COMPLETED = 'Not completed';

/** One block of a document. */
export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Body text; line breaks are kept. `guidance` is the template's italic instruction text. */
  | { kind: 'paragraph'; text: string; style?: 'normal' | 'guidance' | 'strong' | 'missing' }
  /** A two-column table of labels and answers. */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** A table with a header row; `empty` is shown in one row when there are no rows. */
  | { kind: 'table'; header: string[]; rows: string[][]; empty: string }
  /** Tick boxes, as the template's |_| boxes. */
  | { kind: 'checklist'; items: { label: string; checked: boolean }[] }
  /** Short lines kept together (an address); `right` aligns them to the right, as letters do. */
  | { kind: 'lines'; lines: string[]; align?: 'left' | 'right' }
  | { kind: 'numbered'; items: string[]; empty: string };

/** A complete document: its generic title (the document property, so it names no case), download name and blocks. */
export type LifecycleDocument = { title: string; filename: string; marking: string; blocks: DocBlock[] };

/** An answer for a fields row or a paragraph: the text, or NOT_COMPLETED when blank. */
export function answer(text: string | null | undefined): string {
  return text && text.trim() ? text.trim() : NOT_COMPLETED;
}

/** A text block that shows NOT_COMPLETED in the "missing" style when blank. */
export function textBlock(text: string): DocBlock {
  return text.trim() ? { kind: 'paragraph', text: text.trim() } : { kind: 'paragraph', text: NOT_COMPLETED, style: 'missing' };
}

/** Every piece of text in a document, in order, for checks and tests. */
export function documentText(doc: LifecycleDocument): string {
  const parts: string[] = [doc.title];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title':
      case 'heading':
      case 'paragraph':
        parts.push(b.text);
        break;
      case 'fields':
        for (const r of b.rows) parts.push(r.label, r.value);
        break;
      case 'table':
        parts.push(...b.header, ...(b.rows.length ? b.rows.flat() : [b.empty]));
        break;
      case 'checklist':
        for (const i of b.items) parts.push(i.label);
        break;
      case 'lines':
        parts.push(...b.lines);
        break;
      case 'numbered':
        parts.push(...(b.items.length ? b.items : [b.empty]));
        break;
    }
  }
  return parts.join('\n');
}
