import path from 'node:path';
import { JsonRecordStore } from './JsonRecordStore.js';
import type { AuditWriter, RecordStore } from './types.js';

/** Opens the embedded record store under the data directory (records.json), auditing commits to `audit`. */
export function openRecordStore(dataDir: string, audit: AuditWriter): Promise<RecordStore> {
  return JsonRecordStore.open(path.join(dataDir, 'records.json'), audit);
}
