import { newId } from '../../shared/ids.js';
import { nextAgencyColour } from '../../shared/palette.js';
import type { CreateAgencyBody } from '../../shared/schemas/api.js';
import type { Agency } from '../../shared/schemas/records.js';
import { HttpError } from '../http/errors.js';
import type { CommandDeps } from './types.js';

/**
 * Adds an agency to a review. Short codes are unique within a review (case-insensitive) because the
 * code is what tells rows apart when colour cannot; without a colour the next unused palette colour
 * is taken.
 */
export async function addAgency(deps: CommandDeps, actorId: string, reviewId: string, body: CreateAgencyBody): Promise<Agency> {
  const existing = await deps.records.find('agencies', { reviewId });
  const code = body.shortCode.toUpperCase();
  if (existing.some((a) => a.shortCode.toUpperCase() === code)) {
    throw new HttpError(409, 'duplicate-short-code', `Another agency in this review already uses the short code ${code}.`);
  }
  const agency: Agency = {
    id: newId(),
    reviewId,
    name: body.name,
    shortCode: code,
    partnerType: body.partnerType,
    colour: body.colour ?? nextAgencyColour(existing.map((a) => a.colour)),
  };
  await deps.records.commit([{ op: 'put', collection: 'agencies', record: agency }], { audit: [{ type: 'agency.added', actorId, reviewId, targetId: agency.id }] });
  return agency;
}
