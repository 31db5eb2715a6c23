import path from 'node:path';
import { FileResponseStore } from './FileResponseStore.js';
import type { ResponseStore } from './types.js';

/** Opens the embedded workshop response store under the data directory (workshops/<id>/). */
export function openResponseStore(dataDir: string): ResponseStore {
  return new FileResponseStore(path.join(dataDir, 'workshops'));
}
