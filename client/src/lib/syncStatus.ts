/** What the client knows about its connection to one shared document. */
export type SyncFacts = {
  /** The socket is open. */
  connected: boolean;
  /** The server's copy has been received on the current connection. */
  synced: boolean;
  /** The socket was open at least once since the page opened the document. */
  everConnected: boolean;
  /** Local changes the server has not yet acknowledged as durable (docs/sync.md, "Durable acknowledgement"). */
  pending: number;
  /** The server closed the connection for good (for example, access was removed). */
  refused: boolean;
  /** A change the server refused for good (docs/sync.md, "Close codes"); nothing more is sent until `reload`. */
  refusedEdit?: RefusedEdit | null;
};

/** A refused change: the close code, and how to reload the latest saved copy, discarding the refused change. */
export type RefusedEdit = { code: number; reload(): void };

/** A sentence for the status line, and a tone for its styling (the text alone carries the meaning). */
export type SyncMessage = { text: string; tone: 'ok' | 'busy' | 'warning' | 'error' };

/** Describes the sync state in plain words for the polite live region. */
export function describeSync(f: SyncFacts): SyncMessage {
  if (f.refusedEdit) return { text: 'A change could not be saved, so nothing more is being saved. Reload the latest saved copy.', tone: 'error' };
  if (f.refused) return { text: 'The server closed this register. Reload the page; you may no longer have access.', tone: 'error' };
  const waiting = f.pending === 1 ? '1 change is waiting to be saved' : `${f.pending} changes are waiting to be saved`;
  if (!f.connected) {
    if (!f.everConnected) return { text: 'Connecting…', tone: 'busy' };
    return f.pending > 0
      ? { text: `Connection lost. Reconnecting… ${waiting}; keep this page open.`, tone: 'warning' }
      : { text: 'Connection lost. Reconnecting…', tone: 'warning' };
  }
  if (!f.synced) return { text: f.pending > 0 ? `Reconnected. Sending your changes… ${waiting}.` : 'Loading the latest version…', tone: 'busy' };
  if (f.pending > 0) return { text: 'Saving…', tone: 'busy' };
  return { text: 'Connected. All changes saved.', tone: 'ok' };
}
