import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { presenceFrom, type PresenceEntry } from '../lib/presence.js';

/** Who else has this shared document open, and what each is editing, from the provider's awareness. */
export function usePresence(provider: WebsocketProvider | null, selfName: string): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  useEffect(() => {
    if (!provider) {
      setEntries([]);
      return;
    }
    const { awareness } = provider;
    const update = () => setEntries(presenceFrom(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID, selfName));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [provider, selfName]);
  return entries;
}
