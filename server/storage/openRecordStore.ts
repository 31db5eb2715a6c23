import path from 'node:path';
import { JsonRecordStore } from './JsonRecordStore.js';
import type { RecordStore } from './types.js';

/** Opens the embedded record store under the data directory (records.json). */
export function openRecordStore(dataDir: string): Promise<RecordStore> {
  return JsonRecordStore.open(path.join(dataDir, 'records.json'));
}
