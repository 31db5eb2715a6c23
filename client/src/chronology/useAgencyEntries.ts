import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { ENTRIES_MAP, PRECISION_RANK, chronologyDateRange, readEntries, readEntry, type ChronologyEntry } from '../../../shared/chronology/index.js';

const NONE: readonly ChronologyEntry[] = [];

/**
 * Puts one agency's rows nearly in the shared order, cheaply: by a key computed once per row (first
 * day, precision, time, sequence, id) instead of comparing dates pairwise. The shared `integrate`
 * sorts with the real rule afterwards, so this only has to be close for that sort to be a quick
 * merge of a few sorted runs; the order shown is always the shared one.
 */
export function presort(entries: Iterable<ChronologyEntry>): ChronologyEntry[] {
  const keyed = [...entries].map((e) => ({
    e,
    k: `${chronologyDateRange(e.date).start}${PRECISION_RANK[e.date.precision]}${e.time === null ? ' ' : e.time}${String(e.sequence).padStart(4, '0')}${e.id}`,
  }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.e);
}

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
    const publish = () => setEntries(presort(byId.values()));
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
