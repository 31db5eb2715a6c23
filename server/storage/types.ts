import type { Agency, Invitation, Membership, Partnership, Review, Session, User } from '../../shared/schemas/records.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import type { ReportDraftRecord } from '../../shared/report/record.js';
import type { AgencyScoping, LifecycleSettings, MilestonePlan, RapidReviewRecord, TermsOfReferenceRecord } from '../../shared/lifecycle/index.js';
import type { EvidenceQuery, EvidenceRequest, KeyTheme } from '../../shared/evidence/index.js';

/**
 * The two storage interfaces. Domain code, routes and the sync layer depend only on these, so a
 * PostgreSQL backend can replace the embedded one without touching them.
 */

/** Collections held by the record store, and the record type of each. */
export type Collections = {
  partnerships: Partnership;
  users: User;
  reviews: Review;
  agencies: Agency;
  memberships: Membership;
  invitations: Invitation;
  workshops: Workshop;
  reportDrafts: ReportDraftRecord;
  lifecycleSettings: LifecycleSettings;
  milestonePlans: MilestonePlan;
  agencyScopings: AgencyScoping;
  rapidReviewRecords: RapidReviewRecord;
  termsOfReference: TermsOfReferenceRecord;
  evidenceRequests: EvidenceRequest;
  evidenceQueries: EvidenceQuery;
  keyThemes: KeyTheme;
};

/** A collection name. */
export type CollectionName = keyof Collections;

/** One change inside an atomic commit. */
export type RecordChange =
  | { [C in CollectionName]: { op: 'put'; collection: C; record: Collections[C] } }[CollectionName]
  | { op: 'delete'; collection: CollectionName; id: string };

/**
 * Small relational records. Reads are synchronous from memory; writes resolve only once durable.
 * `commit` applies several changes atomically: all of them are written or none.
 */
export interface RecordStore {
  /** One record by id. */
  get<C extends CollectionName>(collection: C, id: string): Collections[C] | undefined;
  /** Every record of a collection that matches. */
  find<C extends CollectionName>(collection: C, where?: (r: Collections[C]) => boolean): Collections[C][];
  /** Inserts or replaces one record; resolves once durable. */
  put<C extends CollectionName>(collection: C, record: Collections[C]): Promise<void>;
  /** Applies several changes atomically; resolves once durable. */
  commit(changes: RecordChange[]): Promise<void>;
  /** Flushes and releases files. */
  close(): Promise<void>;
}

/** Sign-in sessions, kept apart from records because they change on every request. */
export interface SessionStore {
  /** A session by the hash of its token. */
  get(idHash: string): Session | undefined;
  /** Creates or refreshes a session; resolves once durable. */
  put(session: Session): Promise<void>;
  /** Removes a session. */
  delete(idHash: string): Promise<void>;
  /** Removes every session of a user (disable, password change). */
  deleteForUser(userId: string): Promise<string[]>;
  /** Flushes and releases files. */
  close(): Promise<void>;
}

/**
 * Yjs documents as append-only update streams. `append` resolves only once the update is durable
 * (fsync'd), and writes O(size of the update) bytes. `load` returns the snapshot (if any) followed by
 * every update appended since, in order. `compact` replaces snapshot+log with one snapshot atomically.
 */
export interface DocStore {
  /** Every stored update for a doc, oldest first; empty for a new doc. */
  load(docName: string): Promise<Uint8Array[]>;
  /** Appends one update durably. */
  append(docName: string, update: Uint8Array): Promise<void>;
  /** Replaces the doc's history with a single state update. */
  compact(docName: string, snapshot: Uint8Array): Promise<void>;
  /** Bytes currently held for the doc (snapshot + log), for compaction decisions and benchmarks. */
  size(docName: string): Promise<number>;
  /** Flushes and releases files. */
  close(): Promise<void>;
}
