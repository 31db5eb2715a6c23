import { countTowardsK } from '../../shared/workshop/anonymity.js';
import { remapMarks, storedOutcome } from '../../shared/workshop/outcome.js';
import type { RecordStore } from '../storage/types.js';
import type { ResponseStore } from '../workshop/ResponseStore.js';

type Deps = { records: RecordStore; responses: ResponseStore; hub: { released(workshopId: string, promptIds: readonly string[]): void } };

/**
 * Releases prompts' answers to staff: each prompt that reaches k (people, counted by the shared rule)
 * gets a new release in a fresh random order under fresh ids, and the outcome's marks move onto the
 * new ids in the same step, so themes and good-practice marks stay on the same answers. Prompts below
 * k are left unreleased and listed. Watching staff screens are told which prompts changed.
 */
export async function releaseAnswers(deps: Deps, workshopId: string, promptIds: readonly string[]): Promise<{ released: string[]; below: string[] }> {
  const w = await deps.records.get('workshops', workshopId);
  if (!w) return { released: [], below: [...promptIds] };
  const tally = await deps.responses.tally(workshopId);
  const released: string[] = [];
  const below: string[] = [];
  const renames = new Map<string, Map<string, string>>();
  for (const p of promptIds) {
    if (countTowardsK(tally[p] ?? { token: 0, code: 0 }, w.codeJoining, w.setup.k) < w.setup.k) {
      below.push(p);
      continue;
    }
    renames.set(p, (await deps.responses.release(workshopId, p, w.codeJoining)).renamed);
    released.push(p);
  }
  if (renames.size > 0) await moveMarks(deps.records, workshopId, renames);
  if (released.length > 0) deps.hub.released(workshopId, released);
  return { released, below };
}

/**
 * Moves the stored outcome's marks onto new release ids, as one read-modify-write of the record; the
 * version goes up so a screen editing the old ids reloads instead of saving over them.
 */
export async function moveMarks(records: RecordStore, workshopId: string, renames: ReadonlyMap<string, ReadonlyMap<string, string>>): Promise<void> {
  await records.update('workshops', workshopId, (cur) => {
    const { outcome, version } = storedOutcome(cur);
    if (Object.keys(outcome.marks).length === 0) return cur;
    return { ...cur, outcome: remapMarks(outcome, renames), outcomeVersion: version + 1 };
  });
}
