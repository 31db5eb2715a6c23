import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { ORG_CHANGES_MAP, readOrgChanges, sortOrgChanges, type OrgChange } from '../../../shared/chronology/index.js';

const NONE: readonly OrgChange[] = [];

/**
 * One agency's organisational changes, read from its live chronology document and kept in date
 * order. Only changes to the organisational changes map are watched, so a colleague typing in one of
 * 5,000 key event rows in the same document does not read these again. Changes that do not validate
 * (a crafted update) are left out, as the shared reader does.
 */
export function useOrgChanges(doc: Y.Doc | null, agencyId: string): readonly OrgChange[] {
  const [changes, setChanges] = useState<readonly OrgChange[]>(NONE);
  useEffect(() => {
    if (!doc) {
      setChanges(NONE);
      return;
    }
    const map = doc.getMap<unknown>(ORG_CHANGES_MAP);
    const read = () => setChanges(sortOrgChanges(readOrgChanges(doc, agencyId)));
    read();
    map.observeDeep(read);
    return () => map.unobserveDeep(read);
  }, [doc, agencyId]);
  return changes;
}
