import fs from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { parseDocName } from '../../shared/docNames.js';
import { fsyncDir } from './DurableFileAdapter.js';
import type { DocStore } from './types.js';

/** Each log record is [u32 length][u32 crc32 of the bytes][bytes], little-endian. */
const HEADER_BYTES = 8;
const LOG = 'log.bin';
const SNAPSHOT = 'snapshot.bin';

type Waiter = { update: Uint8Array; resolve: () => void; reject: (e: unknown) => void };
type Op = { kind: 'compact'; snapshot: Uint8Array; resolve: () => void; reject: (e: unknown) => void };

/** Per-document state: an open log handle and a queue that serialises appends and compactions. */
type DocFiles = {
  dir: string;
  log: fs.FileHandle | null;
  logBytes: number;
  snapshotBytes: number;
  queue: (Waiter | Op)[];
  draining: boolean;
};

/**
 * Yjs documents as fsync'd append-only logs (docs/storage.md). Each doc has a directory with an
 * optional snapshot and a log of CRC-checked records. An append writes only the update plus an 8-byte
 * header, so an edit costs O(size of the edit) bytes rather than a rewrite of the document.
 *
 * Group commit: appends that arrive while a write is in progress are written together and share one
 * fdatasync. Appends and compactions for one doc go through one queue, so a compaction's snapshot
 * (taken when it was requested) covers every append queued before it and none queued after.
 *
 * Crash safety: a torn record at the end of the log (power cut mid-write) fails its length or CRC
 * check and is cut off on load; it was never acknowledged. Compaction renames the new snapshot into
 * place before truncating the log; a crash between the two leaves the old log beside the new
 * snapshot, and re-applying those updates is harmless because applying a Yjs update twice is a no-op.
 */
export class FileDocStore implements DocStore {
  private readonly docs = new Map<string, Promise<DocFiles>>();

  /** Creates a store rooted at `root` (created mode 0700 on first use). */
  constructor(private readonly root: string) {}

  /** Every stored update for a doc, snapshot first; a torn tail is truncated. */
  async load(docName: string): Promise<Uint8Array[]> {
    const files = await this.open(docName);
    await this.idle(files);
    const out: Uint8Array[] = [];
    const snap = await readIfExists(path.join(files.dir, SNAPSHOT));
    if (snap && snap.length > 0) out.push(snap);
    const log = (await readIfExists(path.join(files.dir, LOG))) ?? new Uint8Array();
    let at = 0;
    while (at + HEADER_BYTES <= log.length) {
      const view = new DataView(log.buffer, log.byteOffset + at, HEADER_BYTES);
      const len = view.getUint32(0, true);
      const crc = view.getUint32(4, true);
      if (at + HEADER_BYTES + len > log.length) break;
      const body = log.subarray(at + HEADER_BYTES, at + HEADER_BYTES + len);
      if (crc32(body) >>> 0 !== crc) break;
      out.push(body.slice());
      at += HEADER_BYTES + len;
    }
    if (at < log.length) {
      // Cut the torn or corrupt tail so later appends follow a valid record.
      await files.log!.truncate(at);
      await files.log!.datasync();
    }
    files.logBytes = at;
    files.snapshotBytes = snap?.length ?? 0;
    return out;
  }

  /** Appends one update; resolves once it is fsynced. */
  append(docName: string, update: Uint8Array): Promise<void> {
    return this.enqueue(docName, (resolve, reject) => ({ update, resolve, reject }));
  }

  /** Replaces the doc's snapshot and log with one snapshot, atomically. */
  compact(docName: string, snapshot: Uint8Array): Promise<void> {
    return this.enqueue(docName, (resolve, reject) => ({ kind: 'compact', snapshot, resolve, reject }));
  }

  /** Bytes held for the doc now (snapshot + log). */
  async size(docName: string): Promise<number> {
    const files = await this.open(docName);
    await this.idle(files);
    return files.snapshotBytes + files.logBytes;
  }

  /** Waits for queued writes and closes every log handle. */
  async close(): Promise<void> {
    for (const opening of this.docs.values()) {
      const files = await opening;
      await this.idle(files);
      await files.log?.close();
      files.log = null;
    }
    this.docs.clear();
  }

  private async enqueue(docName: string, make: (res: () => void, rej: (e: unknown) => void) => Waiter | Op): Promise<void> {
    const files = await this.open(docName);
    return new Promise<void>((resolve, reject) => {
      files.queue.push(make(resolve, reject));
      if (!files.draining) void this.drain(files);
    });
  }

  private async drain(files: DocFiles): Promise<void> {
    files.draining = true;
    while (files.queue.length > 0) {
      const head = files.queue[0]!;
      if ('kind' in head) {
        files.queue.shift();
        try {
          await this.writeSnapshot(files, head.snapshot);
          head.resolve();
        } catch (err) {
          head.reject(err);
        }
        continue;
      }
      // Take every append up to the next compaction: one write, one fsync (group commit).
      const batch: Waiter[] = [];
      while (files.queue.length > 0 && !('kind' in files.queue[0]!)) batch.push(files.queue.shift() as Waiter);
      try {
        const total = batch.reduce((n, w) => n + HEADER_BYTES + w.update.length, 0);
        const buf = Buffer.allocUnsafe(total);
        let at = 0;
        for (const w of batch) {
          buf.writeUInt32LE(w.update.length, at);
          buf.writeUInt32LE(crc32(w.update) >>> 0, at + 4);
          buf.set(w.update, at + HEADER_BYTES);
          at += HEADER_BYTES + w.update.length;
        }
        await files.log!.write(buf, 0, buf.length, files.logBytes);
        await files.log!.datasync();
        files.logBytes += total;
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    files.draining = false;
  }

  private async writeSnapshot(files: DocFiles, snapshot: Uint8Array): Promise<void> {
    const tmp = path.join(files.dir, `${SNAPSHOT}.tmp`);
    const fh = await fs.open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(snapshot);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, path.join(files.dir, SNAPSHOT));
    await fsyncDir(files.dir);
    // Only now is it safe to drop the log: the snapshot that replaces it is durable.
    await files.log!.truncate(0);
    await files.log!.datasync();
    files.logBytes = 0;
    files.snapshotBytes = snapshot.length;
  }

  private async open(docName: string): Promise<DocFiles> {
    // The grammar admits only [A-Za-z0-9_.-], so a valid name is a safe directory name (no '/' or '..').
    if (!parseDocName(docName)) throw new Error('invalid doc name');
    // The map holds the opening promise, so concurrent first calls share one file handle.
    let opening = this.docs.get(docName);
    if (!opening) {
      opening = (async () => {
        const dir = path.join(this.root, docName);
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        // O_APPEND: every write lands at the end, which is where the log's next record belongs.
        const log = await fs.open(path.join(dir, LOG), 'a+', 0o600);
        const stat = await log.stat();
        const snap = await fs.stat(path.join(dir, SNAPSHOT)).catch(() => null);
        return { dir, log, logBytes: stat.size, snapshotBytes: snap?.size ?? 0, queue: [], draining: false };
      })();
      this.docs.set(docName, opening);
      opening.catch(() => this.docs.delete(docName));
    }
    return opening;
  }

  private async idle(files: DocFiles): Promise<void> {
    while (files.draining || files.queue.length > 0) await new Promise((r) => setImmediate(r));
  }
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
