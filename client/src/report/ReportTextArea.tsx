import * as Y from 'yjs';
import { DRAFT_ROOTS } from '../../../shared/report/draftDoc.js';
import { CollabTextArea } from '../collab/CollabTextArea.js';
import type { BuilderKit } from './builderKit.js';

/** The record roots of the report draft document that hold collaborative text. */
export type DraftTextRoot = Exclude<keyof typeof DRAFT_ROOTS, 'settings'>;

/**
 * One collaborative text field of the report draft (a Y.Text of a section or list item), typed into
 * the shared document as it is written, with others' carets and names. Read-only for readers.
 */
export function ReportTextArea({
  kit,
  id,
  label,
  hint,
  root,
  itemId,
  field,
  rows = 3,
}: {
  kit: BuilderKit;
  id: string;
  label: string;
  hint?: string;
  root: DraftTextRoot;
  /** The section key or list item id (an action plan row's recommendation id). */
  itemId: string;
  field: string;
  rows?: number;
}) {
  const error = kit.error(id);
  return (
    <CollabTextArea
      id={id}
      label={label}
      {...(hint ? { hint } : {})}
      {...(error ? { error } : {})}
      rows={rows}
      doc={kit.doc}
      awareness={kit.awareness}
      getRecord={() => {
        const record = kit.doc.getMap<unknown>(DRAFT_ROOTS[root]).get(itemId);
        return record instanceof Y.Map ? (record as Y.Map<unknown>) : null;
      }}
      field={field}
      cursorKey={`report:${root}:${itemId}:${field}`}
      readOnly={kit.readOnly}
    />
  );
}
