import path from 'node:path';
import { JsonSessionStore } from './JsonSessionStore.js';
import type { SessionStore } from './types.js';

/** Opens the embedded session store under the data directory (sessions.json). */
export function openSessionStore(dataDir: string): Promise<SessionStore> {
  return JsonSessionStore.open(path.join(dataDir, 'sessions.json'));
}
