/**
 * Serialises the evidence commands of one review. Each command reads a record, checks it and writes
 * it back; with an asynchronous store there are awaits in between, so two commands on the same
 * review run one after the other, and an acknowledged change is never overwritten by a command that
 * read before it. Entries are removed when their chain drains, so the map holds at most one entry
 * per review with a command in flight.
 */
const chains = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier command of `reviewId` has finished, and returns its result. */
export function withEvidenceLock<T>(reviewId: string, fn: () => Promise<T>): Promise<T> {
  const before = chains.get(reviewId) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  chains.set(reviewId, tail);
  void tail.then(() => {
    if (chains.get(reviewId) === tail) chains.delete(reviewId);
  });
  return run;
}
