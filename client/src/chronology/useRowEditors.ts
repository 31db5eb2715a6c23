import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { presenceFrom } from '../lib/presence.js';
import { editorsByRow } from './rowDisplay.js';

const NO_EDITORS: ReadonlyMap<string, string[]> = new Map();

/**
 * Who is editing which chronology row, from the awareness of every given document. Each browser sets
 * `editing` to the row it has open; the server sets each state's user name, so names come from it.
 */
export function useRowEditors(providers: readonly WebsocketProvider[], selfName: string): ReadonlyMap<string, string[]> {
  const [editors, setEditors] = useState<ReadonlyMap<string, string[]>>(NO_EDITORS);
  useEffect(() => {
    if (providers.length === 0) {
      setEditors(NO_EDITORS);
      return;
    }
    const update = () =>
      setEditors(editorsByRow(providers.map((p) => presenceFrom(p.awareness.getStates() as Map<number, Record<string, unknown>>, p.awareness.clientID, selfName))));
    update();
    for (const p of providers) p.awareness.on('change', update);
    return () => {
      for (const p of providers) p.awareness.off('change', update);
    };
  }, [providers, selfName]);
  return editors;
}
