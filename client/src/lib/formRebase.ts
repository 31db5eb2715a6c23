/**
 * Brings an open form up to date with a record that changed under it, so a form never writes back a
 * value it has not shown. Compared field by field with the version the form was based on:
 * - a field the other person changed and this person has not touched takes the newer value (it is
 *   shown, and saving writes nothing for it);
 * - a field both changed, to different values, is a conflict: the typed value stays, and the panel
 *   shows the newer value beside it until this person chooses one.
 */
export function rebaseForm<V extends object>(base: V, typed: V, latest: V): { values: V; refreshed: (keyof V)[]; conflicts: (keyof V)[] } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const values = { ...typed };
  const refreshed: (keyof V)[] = [];
  const conflicts: (keyof V)[] = [];
  for (const key of Object.keys(latest) as (keyof V)[]) {
    if (same(latest[key], base[key])) continue; // not changed by the other person
    if (same(typed[key], base[key])) {
      values[key] = latest[key];
      refreshed.push(key);
    } else if (!same(typed[key], latest[key])) {
      conflicts.push(key);
    }
  }
  return { values, refreshed, conflicts };
}
