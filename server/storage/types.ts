import type { Agency, AuditCheckpointRecord, Invitation, Membership, Partnership, Review, Session, User } from '../../shared/schemas/records.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import type { ReportDraftRecord } from '../../shared/report/record.js';
import type { AuditEvent } from '../audit/AuditLog.js';
import type { Attribution, DocHistory } from './history.js';
import type { NamedVersion } from '../../shared/history/versions.js';
import type { PromptCounts, ReleasedAnswer } from '../../shared/workshop/anonymity.js';
import type { RedactionReviewRecord } from '../../shared/pseudonymise/redactionRecord.js';
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
  redactionReviews: RedactionReviewRecord;
  evidenceRequests: EvidenceRequest;
  evidenceQueries: EvidenceQuery;
  keyThemes: KeyTheme;
  auditCheckpoints: AuditCheckpointRecord;
  docVersions: NamedVersion;
};

/** A collection name. */
export type CollectionName = keyof Collections;

/**
 * The fields each collection can be queried by, with equality only, so that every backend can index
 * them (a PostgreSQL column with an index, a lookup in memory). A query on any other field does not
 * type-check: add the field here, and to each backend's indexes, first.
 */
export type IndexedFields = {
  partnerships: never;
  users: 'email' | 'isAdmin';
  reviews: never;
  agencies: 'reviewId';
  memberships: 'reviewId' | 'userId' | 'role';
  invitations: 'tokenHash' | 'reviewId' | 'email';
  workshops: 'reviewId';
  reportDrafts: never;
  lifecycleSettings: never;
  milestonePlans: never;
  agencyScopings: 'reviewId' | 'agencyId';
  rapidReviewRecords: never;
  termsOfReference: never;
  redactionReviews: never;
  evidenceRequests: 'reviewId' | 'agencyId';
  evidenceQueries: 'reviewId' | 'agencyId';
  keyThemes: 'reviewId';
  auditCheckpoints: never;
  docVersions: 'reviewId';
};

/** The names of every field any collection can be queried by (the union of IndexedFields). */
export const INDEXED_FIELDS: { [C in CollectionName]: readonly IndexedFields[C][] } = {
  partnerships: [],
  users: ['email', 'isAdmin'],
  reviews: [],
  agencies: ['reviewId'],
  memberships: ['reviewId', 'userId', 'role'],
  invitations: ['tokenHash', 'reviewId', 'email'],
  workshops: ['reviewId'],
  reportDrafts: [],
  lifecycleSettings: [],
  milestonePlans: [],
  agencyScopings: ['reviewId', 'agencyId'],
  rapidReviewRecords: [],
  termsOfReference: [],
  redactionReviews: [],
  evidenceRequests: ['reviewId', 'agencyId'],
  evidenceQueries: ['reviewId', 'agencyId'],
  keyThemes: ['reviewId'],
  auditCheckpoints: [],
  docVersions: ['reviewId'],
};

/** A query as data: every given field must equal its value (an empty query matches every record). */
export type Query<C extends CollectionName> = { [K in IndexedFields[C]]?: Collections[C][K & keyof Collections[C]] };

/**
 * The collections whose records carry an optimistic-concurrency version, and its field. A put with
 * `ifVersion` is a conditional write on this field (a missing record counts as version 0).
 */
export const VERSION_FIELD = {
  milestonePlans: 'version',
  agencyScopings: 'version',
  rapidReviewRecords: 'version',
  termsOfReference: 'version',
  workshops: 'outcomeVersion',
  evidenceRequests: 'version',
  evidenceQueries: 'version',
  keyThemes: 'version',
} as const satisfies { [C in CollectionName]?: keyof Collections[C] };

/** A collection whose records are versioned. */
export type VersionedCollection = keyof typeof VERSION_FIELD;

/**
 * One change inside an atomic commit. `ifVersion` makes a put conditional on the stored version (see
 * VERSION_FIELD); `ifMatch` on stored fields (the record must exist and each given field must equal its
 * value, e.g. `{ acceptedAt: null }` so that an invitation is used once). A failed condition rejects the
 * whole commit with VersionConflictError.
 */
export type RecordChange =
  | {
      [C in CollectionName]: { op: 'put'; collection: C; record: Collections[C]; ifVersion?: C extends VersionedCollection ? number : never; ifMatch?: Partial<Collections[C]> };
    }[CollectionName]
  | { op: 'delete'; collection: CollectionName; id: string };

/** What a commit carries besides records: the audit events that describe it, written atomically with it. */
export type CommitOptions = { audit?: AuditEvent[] };

/** The reads and buffered writes available inside `transaction`. */
export interface RecordTx {
  /** One record by id, as committed. */
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | undefined>;
  /** Every committed record of a collection that matches the query. */
  find<C extends CollectionName>(collection: C, where?: Query<C>): Promise<Collections[C][]>;
  /** Queues an insert or replace (conditional when `ifVersion` is given). */
  put<C extends CollectionName>(collection: C, record: Collections[C], opts?: { ifVersion?: number }): void;
  /** Queues a delete. */
  delete(collection: CollectionName, id: string): void;
  /** Queues an audit event, written atomically with the changes. */
  audit(event: AuditEvent): void;
}

/**
 * Small relational records. Every read and write is async; queries are data (equality on indexed
 * fields), so any backend can answer them. Writes resolve only once durable, and nothing is readable
 * before it is durable. `commit` applies several changes and their audit events atomically: all of
 * them or none. A conditional put whose version does not match rejects the whole commit with
 * `VersionConflictError`.
 */
export interface RecordStore {
  /** One record by id. */
  get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | undefined>;
  /** Every record of a collection that matches the query. */
  find<C extends CollectionName>(collection: C, where?: Query<C>): Promise<Collections[C][]>;
  /** Inserts or replaces one record; resolves once durable. */
  put<C extends CollectionName>(collection: C, record: Collections[C]): Promise<void>;
  /**
   * Read-modify-write of one record, atomic against every other write: `change` gets the record as
   * stored at write time (not as read before some await) and returns its new value; it may throw to
   * refuse, and then nothing is written. Resolves to the stored value, or undefined if there is none.
   */
  update<C extends CollectionName>(collection: C, id: string, change: (current: Collections[C]) => Collections[C]): Promise<Collections[C] | undefined>;
  /** Applies several changes and their audit events atomically; resolves once durable. */
  commit(changes: RecordChange[], opts?: CommitOptions): Promise<void>;
  /** Runs `fn`, then commits what it queued in one atomic commit; resolves to fn's result once durable. */
  transaction<T>(fn: (tx: RecordTx) => Promise<T>): Promise<T>;
  /** Flushes and releases files. */
  close(): Promise<void>;
}

/** Sign-in sessions, kept apart from records because they change on every request. */
export interface SessionStore {
  /** A session by the hash of its token. */
  get(idHash: string): Promise<Session | undefined>;
  /** Creates or refreshes a session; resolves once durable. */
  put(session: Session): Promise<void>;
  /**
   * Refreshes the idle timer of a session that still exists; does nothing if it has ended meanwhile,
   * so a late refresh can never bring back a session that was logged out.
   */
  touch(idHash: string, lastSeenAt: number): Promise<void>;
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
  /** Appends one update durably, with who sent it when the sync server knows (docs/sync.md, "History"). */
  append(docName: string, update: Uint8Array, by?: Attribution): Promise<void>;
  /** Replaces the doc's snapshot and log with a single state update; the history (below) is kept, within HISTORY_MAX_ENTRIES. */
  compact(docName: string, snapshot: Uint8Array): Promise<void>;
  /** The doc's retained, attributed history, after every operation queued before this call. */
  history(docName: string): Promise<DocHistory>;
  /** Bytes currently held for the doc (snapshot + log), for compaction decisions and benchmarks. */
  size(docName: string): Promise<number>;
  /** Releases what the store holds open for a doc (its file handle) once its queued writes are done; the doc reopens on next use. */
  release?(docName: string): Promise<void>;
  /**
   * With several nodes on one database: calls `onStored` with updates another node stored for the doc
   * after this node loaded it (and once, at once, with any it missed since that load). Returns an
   * unsubscribe. A store that serves one node has no `subscribe`.
   */
  subscribe?(docName: string, onStored: (updates: Uint8Array[]) => void): () => void;
  /** Flushes and releases files. */
  close(): Promise<void>;
}

/**
 * Where a record store sends the audit events of its commits once they are durable. `at` is the time
 * fixed when the commit was accepted, so a replay after a crash writes the same line it would have.
 */
export interface AuditWriter {
  /** Appends one event durably, stamped `at`. */
  record(event: AuditEvent, at?: Date): Promise<void>;
  /** Whether the log already holds this event stamped `at` (a replay after a crash must not repeat it). */
  has(event: AuditEvent, at: Date): Promise<boolean>;
}

/**
 * Who is answering, as the response store needs to know it: a token holder (by the hash of their
 * participation token) or someone who joined with the code (by the receipt their browser keeps for that answer).
 */
export type Author = { mode: 'token'; tokenId: string } | { mode: 'code'; receipt: string };

/** A prompt's current release as staff may read it. */
export type CurrentRelease = { id: string; responses: ReleasedAnswer[]; fromInvitations: number; fromCode: number; codeCounted: boolean };

/**
 * Anonymous workshop answers and private "speak to the lead reviewer" requests, kept apart from
 * records so that nothing joins an answer to an account: no participant, session, address or time is
 * stored with an answer, and private requests share no key with answers. Staff read answers only
 * through releases (docs/anonymity.md). Writes resolve once durable; once sealed, answers and
 * withdrawals are refused with WorkshopClosedError.
 */
export interface ResponseStore {
  /** Stores or replaces (same author key) an answer. */
  respond(workshopId: string, promptId: string, text: string, author: Author): Promise<void>;
  /** Withdraws the author's answer to a prompt; false if there is none. */
  withdraw(workshopId: string, promptId: string, author: Author): Promise<boolean>;
  /** Live answers per prompt and join mode, for the k rule and coarse counts only. */
  tally(workshopId: string): Promise<Record<string, { token: number; code: number }>>;
  /** Makes a new release of a prompt (the caller has checked k); answers how the previous release's ids map onto it. */
  release(workshopId: string, promptId: string, codeCounted: boolean): Promise<{ renamed: Map<string, string> }>;
  /** The current release of a prompt, or null before its first. */
  currentRelease(workshopId: string, promptId: string): Promise<CurrentRelease | null>;
  /** Hides or shows an answer of the current release (moderation); false if there is none. */
  setHidden(workshopId: string, promptId: string, releasedId: string, hidden: boolean): Promise<boolean>;
  /** Refuses every later answer and withdrawal (first step of closing). */
  seal(workshopId: string): Promise<void>;
  /** Erases keys, join modes and slot maps (last step of closing); answers per prompt how release ids map onto the final ids. */
  finalise(workshopId: string): Promise<Map<string, Map<string, string>>>;
  /** Stores a private request. */
  requestPrivate(workshopId: string, contact: string): Promise<void>;
  /** Private requests in a fresh random order. */
  privateRequests(workshopId: string): Promise<{ contact: string }[]>;
  /** Waits for pending writes and releases files. */
  close(): Promise<void>;
}

/**
 * The facilitator's last pushed coarse counts per workshop (server/workshop/CountsPublisher.ts), kept
 * where every node reads them, so watching again on any node answers the snapshot last pushed from
 * any node. Coarse counts only: no time, no person.
 */
export interface CountsSnapshotStore {
  /** The last stored snapshot, or undefined before the first. */
  get(workshopId: string): Promise<Record<string, PromptCounts> | undefined>;
  /** Replaces the snapshot. */
  put(workshopId: string, counts: Record<string, PromptCounts>): Promise<void>;
  /** Forgets the workshop's snapshot (closed). */
  delete(workshopId: string): Promise<void>;
}

/** One sign-in throttle counter (server/auth/LoginThrottle.ts): failures in the window, the last one's time, and when the next attempt may be checked. */
export type ThrottleCounter = { failures: number; lastFailureAt: number; nextAllowedAt: number };

/**
 * Where the sign-in throttle keeps its counters, shared by every node on PostgreSQL so that guesses
 * spread over N nodes are slowed as if they reached one. Keys name an account, an address or both;
 * a store that persists them keeps only keyed hashes of them. The throttle's rules stay in LoginThrottle.
 */
export interface ThrottleStore {
  /** The counters held for these keys (absent when none); expired ones may be answered, the throttle judges them. */
  counters(keys: readonly string[]): Promise<Map<string, ThrottleCounter>>;
  /**
   * Records a failure on every key, each in one atomic step: `next` turns the counter held (or
   * undefined) into the new one, so failures arriving at several nodes at once are all counted.
   */
  fail(keys: readonly string[], next: (key: string, held: ThrottleCounter | undefined) => ThrottleCounter): Promise<void>;
  /** Deletes these counters and records that `pair` (an account at an address) signed in at `at`. */
  succeed(clear: readonly string[], pair: string, at: number): Promise<void>;
  /** When `pair` last signed in, or undefined. */
  recognisedAt(pair: string): Promise<number | undefined>;
}

/** One presence state as relayed between nodes: the awareness JSON as the filter rewrote it ('null' removes it). */
export type RelayedPresence = { clientId: number; clock: number; json: string };

/**
 * Presence (who is looking at what) shared between the nodes that serve one document
 * (docs/scaling.md): each node announces the presence changes and renewals of its own connections,
 * in the batches its hub already makes, and applies the other nodes' batches to its hub. Presence
 * holds staff display names, colours and cursor positions, never case content by the app's clients.
 */
export interface PresenceRelay {
  /** Announces a batch of this node's presence entries for a document to the other nodes (best effort). */
  publish(docName: string, entries: readonly RelayedPresence[]): void;
  /**
   * Calls `onEntries` with every batch another node announces for the document, and `onHello` when
   * another node opens it (answer by announcing every own state); returns an unsubscribe. Subscribing
   * says hello, so a node opening a document learns the others' presence at once, not at their next renewal.
   */
  subscribe(docName: string, onEntries: (entries: RelayedPresence[]) => void, onHello: () => void): () => void;
}

/** The head of the audit chain: the last line's sequence number and hash (seq 0 and the genesis hash when empty). */
export type AuditChainHead = { seq: number; hash: string };

/**
 * Where the hash-chained audit lines are kept. The chain itself (what a line holds and how it is
 * hashed) is `server/audit/AuditLog.ts`'s; a store only keeps lines in order: `append` passes the
 * current head to `build` and stores the line it returns, one append at a time, so the chain order is
 * the stored order. Lines are stored exactly as built.
 */
export interface AuditStore<L extends AuditChainHead = AuditChainHead> {
  /** Builds the next line from the current head and stores it durably before resolving. */
  append(build: (head: AuditChainHead | null) => L): Promise<L>;
  /** Every stored line, oldest first (verification, replay checks). */
  lines(): Promise<L[]>;
  /** Waits for pending appends and releases files. */
  close(): Promise<void>;
}

/** A workshop's blind-signing key pair as stored: the private key as a JWK and the public key as SPKI (base64url). */
export type IssuerKeys = { privateJwk: JsonWebKey; publicSpki: string };

/**
 * Each workshop's blind-signing key pair (server/workshop/TokenIssuer.ts), kept with the workshop's
 * anonymous data on the same backend and erased when the workshop closes. Several nodes may make a
 * pair for the same workshop at once: `putIfAbsent` keeps the first and answers it to all of them.
 */
export interface IssuerKeyStore {
  /** The stored pair, or null (none made yet, or erased on close). */
  get(workshopId: string): Promise<IssuerKeys | null>;
  /** Stores `keys` unless a pair exists; answers the stored pair. */
  putIfAbsent(workshopId: string, keys: IssuerKeys): Promise<IssuerKeys>;
  /** Erases the pair. */
  erase(workshopId: string): Promise<void>;
}

/** The channels app nodes talk on: Yjs updates stored by a node, and sockets to close. */
export type BusChannel = 'doc-updates' | 'revocations' | 'presence';

/**
 * Messages between the app nodes that share one database (docs/scaling.md). Each node sees the
 * messages of every other node, never its own. The embedded store has no bus: it serves one node.
 */
export interface NodeBus {
  /** Sends `payload` (at most a few hundred bytes of ids, never case content) to every other node. */
  publish(channel: BusChannel, payload: string): Promise<void>;
  /** Calls `handler` for every message another node publishes on `channel`; returns an unsubscribe. */
  subscribe(channel: BusChannel, handler: (payload: string) => void): () => void;
  /** Calls `handler` after the bus reconnected, when messages may have been missed. */
  onReconnect(handler: () => void): () => void;
  /** Stops listening. */
  close(): Promise<void>;
}
