import type { AuditLog } from '../audit/AuditLog.js';
import type { RecordStore } from '../storage/types.js';

/** What record commands need: the record store and the audit log. */
export type CommandDeps = { records: RecordStore; audit: AuditLog; now?: () => Date };
