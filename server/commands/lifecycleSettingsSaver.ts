import { DEFAULT_RAPID_REVIEW_CONFIG, type RapidReviewConfig } from '../../shared/milestones/index.js';
import type { LifecycleSettings, LifecycleSettingsBody } from '../../shared/lifecycle/index.js';
import { HttpError } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { CommandDeps } from './types.js';

/** The installation's partnership (there is one per installation); its id keys the settings record. */
function partnership(records: RecordStore) {
  const p = records.find('partnerships')[0];
  if (!p) throw new HttpError(409, 'no-partnership', 'The partnership has not been set up yet.');
  return p;
}

/** The partnership's Rapid Review timetable, or the regional toolkit's when none has been saved. */
export function readRapidReviewConfig(records: RecordStore): RapidReviewConfig {
  const p = records.find('partnerships')[0];
  return (p && records.get('lifecycleSettings', p.id)?.rapidReview) ?? DEFAULT_RAPID_REVIEW_CONFIG;
}

/** The partnership's name, which is all the Word exports say about who made them. */
export function partnershipName(records: RecordStore): string {
  return records.find('partnerships')[0]?.name ?? '';
}

/** Saves the partnership's Rapid Review timetable (admin only; the route checks). */
export async function saveLifecycleSettings(deps: CommandDeps, actorId: string, body: LifecycleSettingsBody): Promise<LifecycleSettings> {
  const p = partnership(deps.records);
  const record: LifecycleSettings = {
    id: p.id, rapidReview: body.rapidReview, updatedAt: (deps.now?.() ?? new Date()).toISOString(), updatedBy: actorId,
  };
  await deps.records.put('lifecycleSettings', record);
  await deps.audit.record({ type: 'lifecycle.settings-saved', actorId, targetId: p.id });
  return record;
}
