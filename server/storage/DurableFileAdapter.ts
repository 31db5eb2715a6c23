import fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * A lowdb adapter that never leaves a half-written file. Each write goes to a temp file that is
 * fsynced, renamed over the target, and then the directory is fsynced so that the rename itself
 * survives a power cut. A crash at any point leaves either the old or the new file, never a mix.
 * Files are created mode 0600 because they hold personal data.
 */
export class DurableFileAdapter<T> implements Adapter<T> {
  private readonly tmp: string;

  /** Creates an adapter for one JSON file. */
  constructor(private readonly file: string) {
    this.tmp = `${file}.tmp`;
  }

  /** Reads the file; null when it does not exist yet. A leftover temp file from a crash is ignored. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  /** Writes atomically and durably: temp, fsync, rename, fsync directory. */
  async write(data: T): Promise<void> {
    const fh = await fs.open(this.tmp, 'w', 0o600);
    try {
      await fh.writeFile(JSON.stringify(data));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(this.tmp, this.file);
    await fsyncDir(path.dirname(this.file));
  }
}

/** Fsyncs a directory so that a rename or create inside it is durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const dh = await fs.open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}
