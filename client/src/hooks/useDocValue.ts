import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** A value read from a Yjs doc, read again after every update. `read` must be a stable function. */
export function useDocValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, empty: T): T {
  const [value, setValue] = useState<T>(() => (doc ? read(doc) : empty));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `empty` is a constant per caller; re-subscribing when a caller passes a fresh literal would loop
  useEffect(() => {
    if (!doc) {
      setValue(empty);
      return;
    }
    const update = () => setValue(read(doc));
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
    // `empty` is a constant per caller; re-reading when it changes identity would loop.
  }, [doc, read]);
  return value;
}
