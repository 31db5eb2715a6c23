import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { SyncFacts } from '../lib/syncStatus.js';

/** A live shared document and the provider that keeps it in sync with /yjs/<docName>. */
export type SharedDoc = { doc: Y.Doc; provider: WebsocketProvider };

/** y-websocket's message type for sync messages. */
const MESSAGE_SYNC = 0;

/**
 * The close code the sync server uses when a member's role changed or they signed out elsewhere
 * (CLOSE_ACCESS_CHANGED in server/sync/SyncServer.ts). The provider reconnects by itself and is
 * re-authorised; the page should re-read the member's role so its controls match the new access.
 */
const CLOSE_ACCESS_CHANGED = 4001;

/** After this many failed connection attempts in a row, ask whether the session or membership still holds. */
const FAILED_ATTEMPTS_BEFORE_CHECK = 3;

const INITIAL_FACTS: SyncFacts = { connected: false, synced: false, everConnected: false, pending: 0, refused: false };

/** The WebSocket base URL for Yjs sync on this origin. */
export function yjsServerUrl(): string {
  return `${window.location.origin.replace(/^http/, 'ws')}/yjs`;
}

/**
 * Opens a shared document over y-websocket for as long as the caller is mounted, and reports its sync
 * state. y-websocket reconnects by itself; on top of that this hook keeps every local update made
 * while not synced, and re-sends them once the connection is synced again, so an edit typed during an
 * outage is never only in this tab without the page saying so. Yjs ignores updates it already has, so a
 * re-send is harmless. While anything is unsent, leaving the page asks for confirmation.
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

  useEffect(() => {
    const doc = new Y.Doc();
    // BroadcastChannel sync between tabs is off: every tab talks to the server, which enforces access.
    const provider = new WebsocketProvider(yjsServerUrl(), name, doc, { disableBc: true });
    let everConnected = false;
    let refused = false;
    let unsent: Uint8Array[] = [];
    let inFlight = false;
    // Attempts that closed without ever opening; reset by an open socket or an access-changed close.
    let failedInARow = 0;
    let openedThisAttempt = false;

    const isLive = () => provider.wsconnected && provider.synced && provider.ws !== null && provider.ws.readyState === WebSocket.OPEN;
    const publish = () => setFacts({
      connected: provider.wsconnected,
      synced: provider.synced,
      everConnected,
      pending: unsent.length + (inFlight ? 1 : 0),
      refused,
    });
    const flush = () => {
      if (!isLive()) return;
      if (unsent.length > 0) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeUpdate(encoder, Y.mergeUpdates(unsent));
        provider.ws!.send(encoding.toUint8Array(encoder));
        unsent = [];
        inFlight = true;
      }
      if (inFlight && provider.ws!.bufferedAmount === 0) inFlight = false;
      publish();
    };

    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === provider) return; // from the server
      if (isLive()) inFlight = true; // the provider sent it already; wait for the socket buffer to drain
      else unsent.push(update);
      publish();
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') {
        everConnected = true;
        openedThisAttempt = true;
        failedInARow = 0;
      }
      publish();
    };
    const onSync = (isSynced: boolean) => {
      if (isSynced) flush();
      else publish();
    };
    const onClosed = () => {
      refused = true;
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
    doc.on('update', onUpdate);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    provider.on('connection-close', onConnectionClose);
    // The socket buffer has no drain event, so check it while something is in flight.
    const timer = window.setInterval(() => {
      if (inFlight || unsent.length > 0) flush();
    }, 250);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (unsent.length > 0 || inFlight) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);

    setShared({ doc, provider });
    publish();
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('beforeunload', beforeUnload);
      doc.off('update', onUpdate);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.off('connection-close', onConnectionClose);
      provider.destroy();
      doc.destroy();
      setShared(null);
      setFacts(INITIAL_FACTS);
    };
  }, [name]);

  return { shared, facts };
}
