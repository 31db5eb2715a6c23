import * as Y from 'yjs';
import { PEOPLE_MAP } from '../../../shared/peopleDoc.js';
import { BIRTH_STATUS_MAP, HOUSEHOLDS_MAP, POSITIONS_MAP, RELATIONSHIPS_MAP } from '../../../shared/genogram/index.js';

/** The two shared documents the genogram writes: the people register and the genogram itself. */
export type GenogramDocs = { people: Y.Doc; genogram: Y.Doc };

type Which = keyof GenogramDocs;

/**
 * Undo and redo of this person's own genogram changes. One action (adding a child, say) may write both
 * documents, so each document has its own Y.UndoManager, tracking only transactions made with this
 * session's `origin` (never a colleague's, which arrive with the provider as origin), and a combined
 * stack remembers which documents each action touched, so that one undo takes back the whole action.
 */
export class GenogramUndo {
  /** The origin every local genogram write is made with. */
  readonly origin = { genogramUndo: true };
  private readonly managers: Record<Which, Y.UndoManager>;
  private undoSteps: Which[][] = [];
  private redoSteps: Which[][] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly docs: GenogramDocs) {
    const opts = { trackedOrigins: new Set<unknown>([this.origin]), captureTimeout: 0 };
    this.managers = {
      people: new Y.UndoManager(docs.people.getMap(PEOPLE_MAP), opts),
      genogram: new Y.UndoManager(
        [RELATIONSHIPS_MAP, HOUSEHOLDS_MAP, POSITIONS_MAP, BIRTH_STATUS_MAP].map((m) => docs.genogram.getMap(m)),
        opts,
      ),
    };
  }

  /** Runs one action; everything it writes to either document becomes one undo step. */
  record(action: (docs: GenogramDocs) => void): void {
    const before = { people: this.managers.people.undoStack.length, genogram: this.managers.genogram.undoStack.length };
    this.docs.people.transact(() => {
      this.docs.genogram.transact(() => action(this.docs), this.origin);
    }, this.origin);
    const touched = (['people', 'genogram'] as const).filter((w) => this.managers[w].undoStack.length > before[w]);
    if (touched.length > 0) {
      this.undoSteps.push(touched);
      this.redoSteps = [];
      this.changed();
    }
  }

  /** True when there is an action of this person's to undo. */
  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  /** True when there is an undone action to redo. */
  get canRedo(): boolean {
    return this.redoSteps.length > 0;
  }

  /** Undoes this person's last action (in both documents if it touched both). */
  undo(): void {
    const step = this.undoSteps.pop();
    if (!step) return;
    for (const w of step) this.managers[w].undo();
    this.redoSteps.push(step);
    this.changed();
  }

  /** Redoes the last undone action. */
  redo(): void {
    const step = this.redoSteps.pop();
    if (!step) return;
    for (const w of step) this.managers[w].redo();
    this.undoSteps.push(step);
    this.changed();
  }

  /** Calls `fn` whenever what can be undone or redone changes; returns the unsubscribe. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Stops tracking. */
  destroy(): void {
    this.managers.people.destroy();
    this.managers.genogram.destroy();
    this.listeners.clear();
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }
}
