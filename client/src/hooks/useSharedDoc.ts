import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { DurableTracker } from '../lib/durableTracker.js';
import { isRefusedEdit, shouldReconnectAfter } from '../lib/refusedEdit.js';
import type { SyncFacts } from '../lib/syncStatus.js';
import { useSession } from '../session/sessionContext.js';

/** A live shared document and the provider that keeps it in sync with /yjs/<docName>. */
export type SharedDoc = { doc: Y.Doc; provider: WebsocketProvider };

/**
 * The close code the sync server uses when a member's role changed or they signed out elsewhere
 * (CLOSE_ACCESS_CHANGED in server/sync/SyncServer.ts). The provider reconnects by itself and is
 * re-authorised; the page should re-read the member's role so its controls match the new access.
 */
const CLOSE_ACCESS_CHANGED = 4001;

/** After this many failed connection attempts in a row, ask whether the session or membership still holds. */
const FAILED_ATTEMPTS_BEFORE_CHECK = 3;

/** How long to wait for the local copy before connecting without it (IndexedDB unavailable or stuck). */
const LOCAL_COPY_WAIT_MS = 3_000;

const INITIAL_FACTS: SyncFacts = { connected: false, synced: false, everConnected: false, pending: 0, refused: false };

/** The WebSocket base URL for Yjs sync on this origin. */
export function yjsServerUrl(): string {
  return `${window.location.origin.replace(/^http/, 'ws')}/yjs`;
}

/** The browser database holding one user's local copy of one doc (per user: a shared computer must not mix them). */
export function localCopyName(userId: string, docName: string): string {
  return `review-room.${userId}.${docName}`;
}

/** The trackers of every shared document open on this page, so signing out can check for unsaved work. */
const openTrackers = new Set<DurableTracker>();

/** How many changes on this page the server has not yet acknowledged as durable, across every open document. */
export function unsavedChanges(): number {
  let n = 0;
  for (const t of openTrackers) n += t.unsaved;
  return n;
}

/**
 * Deletes every local copy a user's pages kept (on signing out, so the next person at a shared computer
 * finds no case data in the browser). Databases still open are deleted once their pages close them.
 */
export async function forgetLocalCopies(userId: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const prefix = localCopyName(userId, '');
  for (const db of await indexedDB.databases()) {
    if (db.name?.startsWith(prefix)) indexedDB.deleteDatabase(db.name);
  }
}

/**
 * Opens a shared document over y-websocket for as long as the caller is mounted, and reports its sync
 * state. The doc also lives in the browser (y-indexeddb), so an edit not yet acknowledged as durable by
 * the server (docs/sync.md, "Durable acknowledgement") survives a closed tab, a reload, a lost
 * connection and a server restart: the copy is restored when the page opens the doc again, and the sync
 * handshake sends the server whatever it lacks. The page says "All changes saved" only once the server
 * has acknowledged everything this page holds that did not come from it. While anything is
 * unacknowledged, leaving the page asks for confirmation.
 *
 * A change the server refuses for good (4400, 4403, 4413: docs/sync.md, "Close codes") would be
 * refused again on every reconnect, since the handshake re-sends it, and again after every reload, since
 * the local copy restores it. So the provider stops reconnecting, the local copy is deleted at once (it
 * holds the refused change), and `facts.refusedEdit` tells the page, whose `reload` opens the document
 * afresh from the server's copy, discarding what was not saved.
 *
 * `onAccessCheck` is called when the server says access changed, and after repeated refused
 * connection attempts (an upgrade is refused with a plain HTTP status when the session ended or the
 * membership went), so the page can re-read the session and role over REST.
 */
export function useSharedDoc(name: string, opts: { onAccessCheck?(): void } = {}): { shared: SharedDoc | null; facts: SyncFacts } {
  const [shared, setShared] = useState<SharedDoc | null>(null);
  const [facts, setFacts] = useState<SyncFacts>(INITIAL_FACTS);
  const onAccessCheck = useRef(opts.onAccessCheck);
  onAccessCheck.current = opts.onAccessCheck;
  // Bumped by a refused edit's `reload`: the document is opened afresh, from the server's copy.
  const [generation, setGeneration] = useState(0);
  const { state } = useSession();
  const userId = state.status === 'signed-in' ? state.me.user.id : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` re-runs the effect on purpose (a refused edit's reload).
  useEffect(() => {
    if (userId === null) return undefined;
    const doc = new Y.Doc();
    // The local copy is restored before the socket opens, so what it holds goes out in the handshake.
    const local = new IndexeddbPersistence(localCopyName(userId, name), doc);
    // BroadcastChannel sync between tabs is off: every tab talks to the server, which enforces access.
    const provider = new WebsocketProvider(yjsServerUrl(), name, doc, { disableBc: true, connect: false, shouldReconnect: shouldReconnectAfter });
    const tracker = new DurableTracker(doc, provider);
    openTrackers.add(tracker);
    let everConnected = false;
    let refused = false;
    let refusedEdit: { code: number; reload(): void } | null = null;
    let destroyed = false;
    // Attempts that closed without ever opening; reset by an open socket or an access-changed close.
    let failedInARow = 0;
    let openedThisAttempt = false;

    const publish = () =>
      setFacts({
        connected: provider.wsconnected,
        synced: provider.synced,
        everConnected,
        pending: tracker.unsaved,
        refused,
        refusedEdit,
      });
    const stopTracking = tracker.onChange(publish);
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') {
        everConnected = true;
        openedThisAttempt = true;
        failedInARow = 0;
      }
      publish();
    };
    const onSync = () => publish();
    const onClosed = ({ code, reason }: { code: number; reason: string }) => {
      if (isRefusedEdit(code, reason)) {
        // The local copy holds the refused change: kept, it would re-send it after every reload.
        const cleared = local.clearData().catch(() => undefined);
        // Nothing here can be saved any more, so leaving or signing out need not ask.
        openTrackers.delete(tracker);
        refusedEdit = {
          code,
          reload: () => {
            void cleared.then(() => {
              if (!destroyed) setGeneration((g) => g + 1);
            });
          },
        };
      } else {
        refused = true;
      }
      publish();
    };
    const onConnectionClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE_ACCESS_CHANGED) {
        failedInARow = 0;
        onAccessCheck.current?.();
      } else if (!openedThisAttempt) {
        failedInARow += 1;
        if (failedInARow % FAILED_ATTEMPTS_BEFORE_CHECK === 0) onAccessCheck.current?.();
      }
      openedThisAttempt = false;
      publish();
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    provider.on('connection-close', onConnectionClose);
    // Never after a refused change: connecting again would only re-send it (the fallback timer may fire late).
    const connect = () => {
      if (!destroyed && !refusedEdit) provider.connect();
    };
    void local.whenSynced.then(connect);
    // Without IndexedDB (a browser that refuses it) the page still works, only without a local copy.
    const fallback = window.setTimeout(connect, LOCAL_COPY_WAIT_MS);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (tracker.unsaved > 0 && !refusedEdit) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);

    setShared({ doc, provider });
    publish();
    return () => {
      destroyed = true;
      window.clearTimeout(fallback);
      window.removeEventListener('beforeunload', beforeUnload);
      stopTracking();
      openTrackers.delete(tracker);
      tracker.destroy();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.off('connection-close', onConnectionClose);
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setShared(null);
      setFacts(INITIAL_FACTS);
    };
  }, [name, userId, generation]);

  return { shared, facts };
}
