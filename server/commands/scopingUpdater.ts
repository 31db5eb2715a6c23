import { isoDateInLondon } from '../../shared/dates.js';
import { newId } from '../../shared/ids.js';
import {
  blankScoping,
  isScopingOpen,
  mayChangeScopingStatus,
  mayEditScopingForm,
  withScopingStatus,
  type AgencyScoping,
  type LifecycleMember,
  type ScopingFormBody,
  type ScopingStatusBody,
} from '../../shared/lifecycle/index.js';
import type { Agency } from '../../shared/schemas/records.js';
import { HttpError, forbidden } from '../http/errors.js';
import type { RecordStore } from '../storage/types.js';
import { checkBaseVersion, saveVersioned } from './lifecycleVersionChecker.js';
import type { CommandDeps } from './types.js';

/** An agency's stored scoping, or a blank one (version 0) when nothing has been saved. */
export async function scopingOf(records: RecordStore, reviewId: string, agencyId: string): Promise<AgencyScoping> {
  return (await records.find('agencyScopings', { reviewId, agencyId }))[0] ?? blankScoping(reviewId, agencyId, newId());
}

/** Every agency of a review with its scoping, in agency name order. */
export async function scopingsOf(records: RecordStore, reviewId: string): Promise<{ agency: Agency; scoping: AgencyScoping }[]> {
  const agencies = (await records.find('agencies', { reviewId })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return Promise.all(agencies.map(async (agency) => ({ agency, scoping: await scopingOf(records, reviewId, agency.id) })));
}

const closed = () =>
  new HttpError(409, 'scoping-closed', "This agency's scoping has already been answered, so it can no longer be changed here. Ask the lead reviewer to reopen it.");

const today = (deps: CommandDeps) => isoDateInLondon(deps.now?.() ?? new Date());

/**
 * Changes an agency's scoping status, with the date it happened (today by default, never in the
 * future). The lead reviewer and review team may set any status; an agency author may only answer
 * for their own agency while it is open.
 */
export async function changeScopingStatus(
  deps: CommandDeps,
  actor: { userId: string; member: LifecycleMember },
  reviewId: string,
  agencyId: string,
  body: ScopingStatusBody,
): Promise<AgencyScoping> {
  const current = await scopingOf(deps.records, reviewId, agencyId);
  if (!mayChangeScopingStatus(actor.member, agencyId, current.status, body.status)) {
    if (actor.member.role === 'agency-author' && actor.member.agencyId === agencyId && !isScopingOpen(current.status)) throw closed();
    await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, targetId: agencyId, reason: 'scoping-status' });
    throw forbidden('Your role does not allow that change to this agency’s scoping.');
  }
  const on = body.date ?? today(deps);
  if (on > today(deps)) {
    throw new HttpError(400, 'invalid', 'The request body is not valid: date cannot be in the future.', { fields: [{ path: 'date', message: 'cannot be in the future' }] });
  }
  checkBaseVersion(current.version, body.baseVersion, "this agency's scoping");
  const next: AgencyScoping = {
    ...withScopingStatus(current, body.status, on),
    version: current.version + 1,
    updatedAt: (deps.now?.() ?? new Date()).toISOString(),
  };
  await saveVersioned(
    "this agency's scoping",
    deps.records.commit([{ op: 'put', collection: 'agencyScopings', record: next, ifVersion: body.baseVersion }], {
      audit: [{ type: 'scoping.status-changed', actorId: actor.userId, reviewId, targetId: agencyId, reason: body.status }],
    }),
  );
  return next;
}

/** Saves an agency's scoping form (Document 2); an agency author only for their own agency, while it is open. */
export async function saveScopingForm(
  deps: CommandDeps,
  actor: { userId: string; member: LifecycleMember },
  reviewId: string,
  agencyId: string,
  body: ScopingFormBody,
): Promise<AgencyScoping> {
  const current = await scopingOf(deps.records, reviewId, agencyId);
  if (!mayEditScopingForm(actor.member, agencyId, current.status)) {
    if (actor.member.role === 'agency-author' && actor.member.agencyId === agencyId) throw closed();
    await deps.audit.record({ type: 'access.denied', actorId: actor.userId, reviewId, targetId: agencyId, reason: 'scoping-form' });
    throw forbidden('Your role does not allow you to edit this agency’s scoping form.');
  }
  checkBaseVersion(current.version, body.baseVersion, "this agency's scoping form");
  const next: AgencyScoping = { ...current, form: body.form, version: current.version + 1, updatedAt: (deps.now?.() ?? new Date()).toISOString() };
  await saveVersioned(
    "this agency's scoping form",
    deps.records.commit([{ op: 'put', collection: 'agencyScopings', record: next, ifVersion: body.baseVersion }], {
      audit: [{ type: 'scoping.form-saved', actorId: actor.userId, reviewId, targetId: agencyId }],
    }),
  );
  return next;
}
