import type { EvidenceQuery, EvidenceRequest, KeyTheme } from '../../shared/evidence/index.js';
import type { Agency, Membership, User } from '../../shared/schemas/records.js';
import type { RecordStore } from '../storage/types.js';

/**
 * The evidence commands' reads, in one place: every look-up of requests, query threads, key themes
 * and the records they name goes through here, so a change of the store's query API touches only
 * this file.
 */

/** A review's evidence requests, oldest first. */
export async function requestsOf(records: RecordStore, reviewId: string): Promise<EvidenceRequest[]> {
  const all = await records.find('evidenceRequests', { reviewId });
  return all.sort((a, b) => a.sentOn.localeCompare(b.sentOn) || a.id.localeCompare(b.id));
}

/** One request of a review, or undefined (also for another review's id). */
export async function requestIn(records: RecordStore, reviewId: string, id: string): Promise<EvidenceRequest | undefined> {
  const r = await records.get('evidenceRequests', id);
  return r && r.reviewId === reviewId ? r : undefined;
}

/** A review's query threads, oldest first. */
export async function queriesOf(records: RecordStore, reviewId: string): Promise<EvidenceQuery[]> {
  const all = await records.find('evidenceQueries', { reviewId });
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** One query thread of a review, or undefined. */
export async function queryIn(records: RecordStore, reviewId: string, id: string): Promise<EvidenceQuery | undefined> {
  const q = await records.get('evidenceQueries', id);
  return q && q.reviewId === reviewId ? q : undefined;
}

/** A review's key themes, in their order. */
export async function themesOf(records: RecordStore, reviewId: string): Promise<KeyTheme[]> {
  const all = await records.find('keyThemes', { reviewId });
  return all.sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
}

/** One key theme of a review, or undefined. */
export async function themeIn(records: RecordStore, reviewId: string, id: string): Promise<KeyTheme | undefined> {
  const t = await records.get('keyThemes', id);
  return t && t.reviewId === reviewId ? t : undefined;
}

/** A review's agencies, by name. */
export async function agenciesOf(records: RecordStore, reviewId: string): Promise<Agency[]> {
  const all = await records.find('agencies', { reviewId });
  return all.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** A review's memberships. */
export async function membershipsOf(records: RecordStore, reviewId: string): Promise<Membership[]> {
  return records.find('memberships', { reviewId });
}

/** One membership of a review, or undefined. */
export async function membershipIn(records: RecordStore, reviewId: string, id: string): Promise<Membership | undefined> {
  const m = await records.get('memberships', id);
  return m && m.reviewId === reviewId ? m : undefined;
}

/** A user by id. */
export async function userById(records: RecordStore, id: string): Promise<User | undefined> {
  return records.get('users', id);
}
