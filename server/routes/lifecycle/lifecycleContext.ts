import type { Request } from 'express';
import { isoDateInLondon, type IsoDate } from '../../../shared/dates.js';
import type { Agency } from '../../../shared/schemas/records.js';
import type { AppDeps } from '../../app.js';
import { notFound } from '../../http/errors.js';
import { idParam } from '../context.js';

/** Today in England, which every milestone is counted from. */
export function todayInEngland(): IsoDate {
  return isoDateInLondon(new Date());
}

/** The `:agencyId` of a lifecycle route, which must be an agency of the review; otherwise 404. */
export async function agencyParam(deps: Pick<AppDeps, 'records'>, req: Request, reviewId: string): Promise<Agency> {
  const id = idParam(req, 'agencyId', 'That agency');
  const agency = await deps.records.get('agencies', id);
  if (!agency || agency.reviewId !== reviewId) throw notFound('That agency');
  return agency;
}

/** The public shape of an agency in lifecycle responses. */
export const lifecycleAgencyView = (a: Agency) => ({ id: a.id, name: a.name, shortCode: a.shortCode, partnerType: a.partnerType, colour: a.colour });
