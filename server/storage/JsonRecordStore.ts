import { Low } from 'lowdb';
import { z } from 'zod';
import { NamedVersionSchema } from '../../shared/history/versions.js';
import { RedactionReviewRecordSchema } from '../../shared/pseudonymise/redactionRecord.js';
import { AgencySchema, AuditCheckpointSchema, InvitationSchema, MembershipSchema, PartnershipSchema, ReviewSchema, UserSchema } from '../../shared/schemas/records.js';
import { WorkshopSchema } from '../../shared/workshop/workshop.js';
import { ReportDraftRecordSchema } from '../../shared/report/record.js';
import { AgencyScopingSchema, LifecycleSettingsSchema, MilestonePlanSchema, RapidReviewRecordSchema, TermsOfReferenceRecordSchema } from '../../shared/lifecycle/index.js';
import { EvidenceQuerySchema, EvidenceRequestSchema, KeyThemeSchema } from '../../shared/evidence/index.js';
import type { AuditEvent } from '../audit/AuditLog.js';
import { DurableFileAdapter } from './DurableFileAdapter.js';
import { GroupCommitter, type ItemResult } from './GroupCommitter.js';
import { VersionConflictError } from './errors.js';
import { runTransaction } from './transaction.js';
import {
  VERSION_FIELD,
  type AuditWriter,
  type CollectionName,
  type Collections,
  type CommitOptions,
  type Query,
  type RecordChange,
  type RecordStore,
  type RecordTx,
} from './types.js';

/** The schema of every collection, so that every record is validated before it is stored. */
export const SCHEMAS: { [C in CollectionName]: z.ZodType<Collections[C]> } = {
  partnerships: PartnershipSchema,
  users: UserSchema,
  reviews: ReviewSchema,
  agencies: AgencySchema,
  memberships: MembershipSchema,
  invitations: InvitationSchema,
  workshops: WorkshopSchema,
  reportDrafts: ReportDraftRecordSchema,
  lifecycleSettings: LifecycleSettingsSchema,
  milestonePlans: MilestonePlanSchema,
  agencyScopings: AgencyScopingSchema,
  rapidReviewRecords: RapidReviewRecordSchema,
  termsOfReference: TermsOfReferenceRecordSchema,
  redactionReviews: RedactionReviewRecordSchema,
  evidenceRequests: EvidenceRequestSchema,
  evidenceQueries: EvidenceQuerySchema,
  keyThemes: KeyThemeSchema,
  auditCheckpoints: AuditCheckpointSchema,
  docVersions: NamedVersionSchema,
};

/** An audit event waiting in the file until its line is in the audit log (see docs/storage.md). */
type OutboxEntry = { at: string; event: AuditEvent };

/** The file's shape: one object of records keyed by id per collection, and the audit outbox. */
type Data = { [C in CollectionName]: Record<string, Collections[C]> } & { auditOutbox: OutboxEntry[] };

const EMPTY = (): Data => ({
  partnerships: {},
  users: {},
  reviews: {},
  agencies: {},
  memberships: {},
  invitations: {},
  workshops: {},
  reportDrafts: {},
  lifecycleSettings: {},
  milestonePlans: {},
  agencyScopings: {},
  rapidReviewRecords: {},
  termsOfReference: {},
  redactionReviews: {},
  evidenceRequests: {},
  evidenceQueries: {},
  keyThemes: {},
  auditCheckpoints: {},
  docVersions: {},
  auditOutbox: [],
});

/** One commit waiting for the group write; `derive` builds its changes from the state it is written on. */
type Pending = { changes: RecordChange[]; outbox: OutboxEntry[]; derive?: (state: Data) => RecordChange[] };

/** The stored version of a record for a conditional write (0 when absent). */
export function versionOf(collection: CollectionName, record: unknown): number {
  const field = (VERSION_FIELD as Partial<Record<CollectionName, string>>)[collection];
  if (!field) throw new Error(`${collection} records are not versioned`);
  return record === undefined ? 0 : ((record as Record<string, number | undefined>)[field] ?? 0);
}

/** Validates every change of a commit before anything is queued: a bad change must leave no partial write. */
export function validateChanges(changes: RecordChange[]): RecordChange[] {
  return changes.map((c) => (c.op === 'put' ? ({ ...c, record: SCHEMAS[c.collection].parse(c.record) } as RecordChange) : c));
}

/** Whether a record matches a query of equality filters. */
export function matches(record: object, where: object | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([k, v]) => v === undefined || (record as Record<string, unknown>)[k] === v);
}

/**
 * The embedded record store: lowdb over a DurableFileAdapter, with group commit. Reads are served
 * from the last durable state only. A commit is validated first, queued, checked for version
 * conflicts against the state it will be written on top of, and becomes readable only once the file
 * holding it is durable. A failed write rejects the commits it carried and nothing else.
 *
 * Audit events travel in the same durable write as their changes (an outbox inside records.json), and
 * are then appended to the audit log; an event whose append fails stays in the outbox and is appended
 * by the next write or the next start, so a durable change always gets its audit line.
 */
export class JsonRecordStore implements RecordStore {
  private durable: Data;
  private readonly committer: GroupCommitter<Pending, unknown>;
  /** Outbox entries already appended to the audit log, dropped from the file by the next write. */
  private delivered = new Set<OutboxEntry>();
  /** The JSON text of durable records already copied once (see copy). */
  private readonly jsonOf = new WeakMap<object, string>();

  private constructor(
    private readonly adapter: DurableFileAdapter<Data>,
    data: Data,
    private readonly audit: AuditWriter | null,
  ) {
    this.durable = data;
    this.committer = new GroupCommitter<Pending, unknown>((batch) => this.writeBatch(batch));
  }

  /** Opens (or creates) the store file; audit events left in its outbox by a crash are appended now. */
  static async open(file: string, audit: AuditWriter | null = null): Promise<JsonRecordStore> {
    const adapter = new DurableFileAdapter<Data>(file);
    const read = await adapter.read();
    const data = { ...EMPTY(), ...read } as Data;
    const store = new JsonRecordStore(adapter, data, audit);
    if (audit && data.auditOutbox.length > 0) {
      for (const entry of data.auditOutbox) {
        if (await audit.has(entry.event, new Date(entry.at))) store.delivered.add(entry);
      }
      await store.deliver(data.auditOutbox.filter((e) => !store.delivered.has(e)));
    }
    return store;
  }

  /** One record by id. */
  async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | undefined> {
    const rec = (this.durable[collection] as Record<string, Collections[C]>)[id];
    return rec === undefined ? undefined : this.copy(rec);
  }

  /** Every record of a collection that matches the query. */
  async find<C extends CollectionName>(collection: C, where?: Query<C>): Promise<Collections[C][]> {
    return Object.values(this.durable[collection] as Record<string, Collections[C]>)
      .filter((r) => matches(r, where))
      .map((r) => this.copy(r));
  }

  /**
   * A caller's own copy of a durable record, parsed from its JSON text (kept per record object; a
   * write replaces the object, so the text never outlives it). Parsing is 2–3× faster than
   * structuredClone for a workshop with 300 invitations, read for every answer, and gives exactly
   * what the file gives back after a restart.
   */
  private copy<T>(rec: T): T {
    let json = this.jsonOf.get(rec as object);
    if (json === undefined) {
      json = JSON.stringify(rec);
      this.jsonOf.set(rec as object, json);
    }
    return JSON.parse(json) as T;
  }

  /** Inserts or replaces one record durably. */
  put<C extends CollectionName>(collection: C, record: Collections[C]): Promise<void> {
    return this.commit([{ op: 'put', collection, record } as RecordChange]);
  }

  /** Read-modify-write of one record at write time (see RecordStore.update). */
  async update<C extends CollectionName>(collection: C, id: string, change: (current: Collections[C]) => Collections[C]): Promise<Collections[C] | undefined> {
    let stored: Collections[C] | undefined;
    await this.committer.submit({
      changes: [],
      outbox: [],
      derive: (state) => {
        const current = (state[collection] as Record<string, Collections[C]>)[id];
        if (current === undefined) return [];
        stored = SCHEMAS[collection].parse(change(structuredClone(current)));
        if ((stored as { id: string }).id !== id) throw new Error('update must not change the id');
        return [{ op: 'put', collection, record: stored } as RecordChange];
      },
    });
    return stored === undefined ? undefined : structuredClone(stored);
  }

  /** Validates all changes, then applies them and their audit events together once durable. */
  async commit(changes: RecordChange[], opts: CommitOptions = {}): Promise<void> {
    const parsed = validateChanges(changes);
    const at = new Date().toISOString();
    const outbox = (opts.audit ?? []).map((event) => ({ at, event }));
    if (outbox.length > 0 && !this.audit) throw new Error('this record store has no audit log');
    if (parsed.length === 0) {
      // Nothing durable to protect: an audit failure here is the caller's error.
      for (const e of outbox) await this.audit!.record(e.event, new Date(e.at));
      return;
    }
    await this.committer.submit({ changes: parsed, outbox });
  }

  /** Runs `fn` and commits what it queued atomically. */
  transaction<T>(fn: (tx: RecordTx) => Promise<T>): Promise<T> {
    return runTransaction(this, fn);
  }

  /** Waits for pending writes. */
  async close(): Promise<void> {
    await this.committer.idle();
  }

  /** Builds the next state from the durable one, refusing conflicting commits, and writes it. */
  private async writeBatch(batch: Pending[]): Promise<ItemResult<unknown>[]> {
    const next: Data = { ...this.durable };
    const copied = new Set<CollectionName>();
    const results: ItemResult<unknown>[] = [];
    const outbox: OutboxEntry[] = [];
    for (const item of batch) {
      let changes = item.changes;
      if (item.derive) {
        try {
          changes = item.derive(next);
        } catch (error) {
          results.push({ ok: false, error });
          continue;
        }
      }
      const conflict = this.conflictIn(next, changes);
      if (conflict) {
        results.push({ ok: false, error: conflict });
        continue;
      }
      for (const c of changes) {
        if (!copied.has(c.collection)) {
          (next as Record<string, unknown>)[c.collection] = { ...next[c.collection] };
          copied.add(c.collection);
        }
        const coll = next[c.collection] as Record<string, unknown>;
        if (c.op === 'put') coll[(c.record as { id: string }).id] = structuredClone(c.record);
        else delete coll[c.id];
      }
      outbox.push(...item.outbox);
      results.push({ ok: true, value: undefined });
    }
    if (outbox.length === 0 && copied.size === 0) return results;
    next.auditOutbox = [...this.durable.auditOutbox.filter((e) => !this.delivered.has(e)), ...outbox];
    await this.adapter.write(next);
    this.delivered = new Set([...this.delivered].filter((e) => next.auditOutbox.includes(e)));
    this.durable = next;
    await this.deliver(next.auditOutbox.filter((e) => !this.delivered.has(e)));
    return results;
  }

  /** The first conditional put of a commit whose condition (version or fields) does not hold. */
  private conflictIn(state: Data, changes: RecordChange[]): VersionConflictError | null {
    for (const c of changes) {
      if (c.op !== 'put') continue;
      const id = (c.record as { id: string }).id;
      const stored = (state[c.collection] as Record<string, unknown>)[id];
      if (c.ifMatch !== undefined && (stored === undefined || !matches(stored as object, c.ifMatch))) return new VersionConflictError(c.collection, id, -1);
      if (c.ifVersion === undefined) continue;
      const current = versionOf(c.collection, stored);
      if (current !== c.ifVersion) return new VersionConflictError(c.collection, id, current);
    }
    return null;
  }

  /**
   * Appends outbox entries to the audit log in order. A failure leaves the rest in the outbox for the
   * next write or start: the change is durable, so its caller must not be told that nothing changed.
   */
  private async deliver(entries: OutboxEntry[]): Promise<void> {
    if (!this.audit) return;
    for (const entry of entries) {
      try {
        await this.audit.record(entry.event, new Date(entry.at));
        this.delivered.add(entry);
      } catch (err) {
        process.emitWarning(`audit append failed; kept in the outbox for retry: ${(err as Error).message}`);
        return;
      }
    }
  }
}
