import { DEFAULT_RAPID_REVIEW_CONFIG, type RapidReviewConfig } from '../../shared/milestones/index.js';
import type { LifecycleSettings, LifecycleSettingsBody } from '../../shared/lifecycle/index.js';
import { HttpError } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import type { CommandDeps } from './types.js';

/** The installation's partnership (there is one per installation); its id keys the settings record. */
async function partnership(records: RecordStore) {
  const p = (await records.find('partnerships'))[0];
  if (!p) throw new HttpError(409, 'no-partnership', 'The partnership has not been set up yet.');
  return p;
}

/** The partnership's Rapid Review timetable, or the regional toolkit's when none has been saved. */
export async function readRapidReviewConfig(records: RecordStore): Promise<RapidReviewConfig> {
  const p = (await records.find('partnerships'))[0];
  return (p && (await records.get('lifecycleSettings', p.id))?.rapidReview) ?? DEFAULT_RAPID_REVIEW_CONFIG;
}

/** The partnership's name, which is all the Word exports say about who made them. */
export async function partnershipName(records: RecordStore): Promise<string> {
  return (await records.find('partnerships'))[0]?.name ?? '';
}

/** Saves the partnership's Rapid Review timetable (admin only; the route checks). */
export async function saveLifecycleSettings(deps: CommandDeps, actorId: string, body: LifecycleSettingsBody): Promise<LifecycleSettings> {
  const p = await partnership(deps.records);
  const record: LifecycleSettings = {
    id: p.id,
    rapidReview: body.rapidReview,
    updatedAt: (deps.now?.() ?? new Date()).toISOString(),
    updatedBy: actorId,
  };
  await deps.records.commit([{ op: 'put', collection: 'lifecycleSettings', record }], { audit: [{ type: 'lifecycle.settings-saved', actorId, targetId: p.id }] });
  return record;
}
