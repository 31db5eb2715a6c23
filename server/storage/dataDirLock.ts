import fs from 'node:fs/promises';
import path from 'node:path';

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE = 'server.lock';

/** A held lock; `release` removes it. */
export type DataDirLock = { release(): Promise<void> };

/** Thrown when another live process holds the lock. */
export class DataDirLockedError extends Error {
  /** Names the holder's process id, which is all the lock file holds. */
  constructor(readonly holderPid: number) {
    super(`Another process (pid ${holderPid}) is using this data directory.`);
  }
}

/** True when a process with this id is running (signal 0 checks without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock on a data directory: the server holds it while it runs, and the admin CLI
 * takes it to edit the store while the server is stopped, so neither ever writes over the other's
 * in-memory copy. The file holds the holder's pid; a lock left by a process that has died (kill -9,
 * power loss) is stale and is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await fs.open(file, 'wx', 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      return { release: () => fs.rm(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataDirLockedError(pid);
    // Stale: the holder is gone. Remove it and try again (another starter may race us; 'wx' decides).
    await fs.rm(file, { force: true });
  }
  throw new Error('Could not take the data directory lock.');
}
