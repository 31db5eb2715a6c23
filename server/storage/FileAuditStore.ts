import fs from 'node:fs/promises';
import type { AuditChainHead, AuditStore } from './types.js';

/**
 * The embedded audit store: one JSON line per audit line in an append-only file (mode 0600), each
 * fdatasync'd before `append` resolves. Appends are serialised so the file order is the chain order.
 */
export class FileAuditStore<L extends AuditChainHead> implements AuditStore<L> {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly fh: fs.FileHandle,
    private head: AuditChainHead | null,
  ) {}

  /** Opens the file, reading its last line to continue the chain. */
  static async open<L extends AuditChainHead>(file: string): Promise<FileAuditStore<L>> {
    const lines = await readLines<L>(file);
    const tail = lines.at(-1);
    const fh = await fs.open(file, 'a', 0o600);
    return new FileAuditStore<L>(file, fh, tail ? { seq: tail.seq, hash: tail.hash } : null);
  }

  /** Builds the next line from the head and appends it durably. */
  append(build: (head: AuditChainHead | null) => L): Promise<L> {
    const next = this.queue.then(async () => {
      const line = build(this.head);
      await this.fh.write(`${JSON.stringify(line)}\n`);
      await this.fh.datasync();
      this.head = { seq: line.seq, hash: line.hash };
      return line;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Every line in the file, after pending appends. */
  async lines(): Promise<L[]> {
    await this.queue;
    return readLines<L>(this.file);
  }

  /** Waits for pending appends and closes the file. */
  async close(): Promise<void> {
    await this.queue;
    await this.fh.close();
  }
}

/** Every line of an audit file, oldest first; none when it does not exist yet. */
export async function readLines<L>(file: string): Promise<L[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as L);
}
