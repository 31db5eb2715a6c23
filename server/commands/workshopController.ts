import { applyControl, type Control } from '../../shared/workshop/transitions.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import { HttpError, notFound } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { WorkshopHub } from '../workshop/WorkshopHub.js';

/**
 * Applies a facilitator's control action with the shared state machine, stores the new state, and
 * pushes the new view to every participant screen. The time is kept to the minute only.
 */
export async function controlWorkshop(deps: { records: RecordStore; hub: WorkshopHub }, w: Workshop, control: Control, now = new Date()): Promise<Workshop> {
  const minute = `${now.toISOString().slice(0, 16)}Z`;
  // Applied to the record as stored at write time, so a concurrent save is never undone.
  const updated = await deps.records.update('workshops', w.id, (current) => {
    const result = applyControl(current.setup, current.state, control, minute);
    if (!result.ok) throw new HttpError(409, 'not-now', result.reason);
    return { ...current, state: result.state };
  });
  if (!updated) throw notFound('That workshop');
  await deps.hub.broadcast(updated);
  return updated;
}
