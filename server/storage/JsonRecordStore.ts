import { Low } from 'lowdb';
import { z } from 'zod';
import { AgencySchema, InvitationSchema, MembershipSchema, PartnershipSchema, ReviewSchema, UserSchema } from '../../shared/schemas/records.js';
import { WorkshopSchema } from '../../shared/workshop/workshop.js';
import { ReportDraftRecordSchema } from '../../shared/report/record.js';
import {
  AgencyScopingSchema, LifecycleSettingsSchema, MilestonePlanSchema, RapidReviewRecordSchema, TermsOfReferenceRecordSchema,
} from '../../shared/lifecycle/index.js';
import { EvidenceQuerySchema, EvidenceRequestSchema, KeyThemeSchema } from '../../shared/evidence/index.js';
import { DurableFileAdapter } from './DurableFileAdapter.js';
import { GroupCommitter } from './GroupCommitter.js';
import type { CollectionName, Collections, RecordChange, RecordStore } from './types.js';

/** The schema of every collection, so that every record is validated before it is stored. */
const SCHEMAS: { [C in CollectionName]: z.ZodType<Collections[C]> } = {
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
  evidenceRequests: EvidenceRequestSchema,
  evidenceQueries: EvidenceQuerySchema,
  keyThemes: KeyThemeSchema,
};

/** The file's shape: one object of records keyed by id per collection. */
type Data = { [C in CollectionName]: Record<string, Collections[C]> };

const EMPTY = (): Data => ({ partnerships: {}, users: {}, reviews: {}, agencies: {}, memberships: {}, invitations: {}, workshops: {}, reportDrafts: {},
  lifecycleSettings: {}, milestonePlans: {}, agencyScopings: {}, rapidReviewRecords: {}, termsOfReference: {},
  evidenceRequests: {}, evidenceQueries: {}, keyThemes: {} });

/**
 * The embedded record store: lowdb over a DurableFileAdapter, with group commit. Reads come from
 * memory. A commit validates every change first, applies them together, and resolves only once the
 * file is durable; if the disk write fails, memory returns to the last durable state, so nothing is
 * partly written and nothing unacknowledged is visible.
 */
export class JsonRecordStore implements RecordStore {
  private lastDurable: string;
  private readonly committer: GroupCommitter;

  private constructor(private readonly db: Low<Data>) {
    this.lastDurable = JSON.stringify(db.data);
    this.committer = new GroupCommitter(
      async () => {
        const snapshot = JSON.stringify(this.db.data);
        await this.db.adapter.write(JSON.parse(snapshot) as Data);
        this.lastDurable = snapshot;
      },
      () => { this.db.data = JSON.parse(this.lastDurable) as Data; },
    );
  }

  /** Opens (or creates) the store file. */
  static async open(file: string): Promise<JsonRecordStore> {
    const db = new Low<Data>(new DurableFileAdapter<Data>(file), EMPTY());
    await db.read();
    db.data = { ...EMPTY(), ...db.data };
    return new JsonRecordStore(db);
  }

  /** One record by id. */
  get<C extends CollectionName>(collection: C, id: string): Collections[C] | undefined {
    const rec = (this.db.data[collection] as Record<string, Collections[C]>)[id];
    return rec === undefined ? undefined : structuredClone(rec);
  }

  /** Every record of a collection that matches. */
  find<C extends CollectionName>(collection: C, where?: (r: Collections[C]) => boolean): Collections[C][] {
    const all = Object.values(this.db.data[collection] as Record<string, Collections[C]>);
    return (where ? all.filter(where) : all).map((r) => structuredClone(r));
  }

  /** Inserts or replaces one record durably. */
  put<C extends CollectionName>(collection: C, record: Collections[C]): Promise<void> {
    return this.commit([{ op: 'put', collection, record } as RecordChange]);
  }

  /** Validates all changes, applies them together and resolves once durable. */
  commit(changes: RecordChange[]): Promise<void> {
    // Validate everything before touching memory: a bad change must leave no partial write.
    const parsed = changes.map((c) => (c.op === 'put'
      ? { ...c, record: SCHEMAS[c.collection].parse(c.record) as { id: string } }
      : c));
    for (const c of parsed) {
      const coll = this.db.data[c.collection] as Record<string, unknown>;
      if (c.op === 'put') coll[(c.record as { id: string }).id] = structuredClone(c.record);
      else delete coll[c.id];
    }
    return this.committer.flush();
  }

  /** Waits for pending writes. */
  async close(): Promise<void> {
    await this.committer.idle();
  }
}
