import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { ENTRIES_MAP, readEntries, readEntry, sortEntries, type ChronologyEntry } from '../../../shared/chronology/index.js';

const NONE: readonly ChronologyEntry[] = [];

/**
 * One agency's chronology rows, read from its live document and kept in the shared order. After the
 * first read only the rows an update touched are read again (observeDeep), so a colleague's edit to
 * one row of 5,000 costs one row's validation, not 5,000. Rows that do not validate (a crafted
 * update) are left out, as the shared reader does.
 */
export function useAgencyEntries(doc: Y.Doc | null, agencyId: string): readonly ChronologyEntry[] {
  const [entries, setEntries] = useState<readonly ChronologyEntry[]>(NONE);
  useEffect(() => {
    if (!doc) {
      setEntries(NONE);
      return;
    }
    const map = doc.getMap<unknown>(ENTRIES_MAP);
    const byId = new Map(readEntries(doc, agencyId).map((e) => [e.id, e]));
    // Sorted per agency, the integrated sort only merges a few sorted runs.
    const publish = () => setEntries(sortEntries([...byId.values()]));
    publish();
    const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      const changed = new Set<string>();
      for (const ev of events) {
        if (ev.target === map) for (const key of (ev as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
        else if (typeof ev.path[0] === 'string') changed.add(ev.path[0]);
      }
      if (changed.size === 0) return;
      for (const id of changed) {
        const e = readEntry(doc, agencyId, id);
        if (e) byId.set(id, e);
        else byId.delete(id);
      }
      publish();
    };
    map.observeDeep(onDeep);
    return () => map.unobserveDeep(onDeep);
  }, [doc, agencyId]);
  return entries;
}
