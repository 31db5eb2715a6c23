import fs from 'node:fs/promises';
import { FileDocStore } from './FileDocStore.js';

/** Opens the embedded Yjs document store in `dir` (docs/storage.md explains the choice). */
export async function openDocStore(dir: string, historyMaxEntries?: number): Promise<FileDocStore> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  return new FileDocStore(dir, historyMaxEntries);
}
