import fs from 'node:fs/promises';
import { constants as FS } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { parseDocName } from '../../shared/docNames.js';
import { fsyncDir } from './DurableFileAdapter.js';
import type { DocStore } from './types.js';
import { HISTORY_MAX_ENTRIES, decodeAttributed, foldHistory, encodeAttributed, type Attribution, type DocHistory, type HistoryEntry } from './history.js';
import { encodeHistoryFile, readHistoryFile, writeHistoryFile, type HistoryFile } from './historyFile.js';

/**
 * Each log record is [u32 length][u32 crc32 of the bytes][bytes], little-endian. When the length's top
 * bit (ATTRIBUTED) is set, the bytes are an attribution followed by the update (history.ts).
 */
export const RECORD_HEADER_BYTES = 8;
/** The length flag of a record that carries its attribution. */
export const ATTRIBUTED = 0x8000_0000;
const LOG = 'log.bin';
const SNAPSHOT = 'snapshot.bin';
/** The history file's name in a doc's directory (also its name inside a backup). */
export const HISTORY = 'history.bin';

/** One queued operation on one doc; the queue runs them strictly in order. */
type Op =
  | { kind: 'append'; update: Uint8Array; by: Attribution | undefined; resolve: () => void; reject: (e: unknown) => void }
  | { kind: 'history'; resolve: (h: DocHistory) => void; reject: (e: unknown) => void }
  | { kind: 'compact'; snapshot: Uint8Array; resolve: () => void; reject: (e: unknown) => void }
  | { kind: 'load'; resolve: (u: Uint8Array[]) => void; reject: (e: unknown) => void }
  | { kind: 'copy'; resolve: (c: DocCopy) => void; reject: (e: unknown) => void };

/**
 * A doc as a backup carries it (server/storage/backup.ts): its content as one log, and its history
 * file with that log marked as absorbed, so the restored history holds exactly the entries it held
 * here (same seq numbers) and the restored content is exactly this content.
 */
export type DocCopy = { log: Buffer; history: Buffer };

/** Per-document state: an open log handle, the length of its valid prefix, and the op queue. */
type DocFiles = {
  dir: string;
  log: fs.FileHandle | null;
  /** Bytes of whole, checked records in the log; the next record is written here. */
  logBytes: number;
  snapshotBytes: number;
  queue: Op[];
  /** The running drain, if any; `close` and `size` wait on it. */
  draining: Promise<void> | null;
  /** Set once `release` closed the handle; an operation that still got this entry reopens the doc. */
  released?: boolean;
};

/** Counters for tests and benchmarks: appends, log writes and their fdatasyncs, and bytes written. */
export type DocStoreStats = {
  appends: number;
  logWrites: number;
  syncs: number;
  /** Bytes written to logs (headers included). */
  bytesWritten: number;
  snapshots: number;
  /** Bytes written as snapshots by compaction. */
  snapshotBytesWritten: number;
};

/**
 * Yjs documents as fsync'd append-only logs (docs/storage.md). Each doc has a directory with an
 * optional snapshot and a log of CRC-checked records. An append writes only the update plus an 8-byte
 * header, so an edit costs O(size of the edit) bytes rather than a rewrite of the document.
 *
 * Group commit: appends that arrive while a write is in progress are written together and share one
 * write and one fdatasync. Appends, compactions and loads of one doc go through one queue, so a
 * compaction's snapshot (taken when it was requested) covers every append queued before it, and a
 * load never sees a half-written record or a half-done compaction.
 *
 * Crash safety: a torn record at the end of the log (power cut mid-write) fails its length or CRC
 * check; it is cut off when the doc is first opened, before anything is appended after it. It was
 * never acknowledged, so cutting it loses nothing that was promised.
 */
export class FileDocStore implements DocStore {
  private readonly docs = new Map<string, Promise<DocFiles>>();
  /** Running totals since the store was opened. */
  readonly stats: DocStoreStats = { appends: 0, logWrites: 0, syncs: 0, bytesWritten: 0, snapshots: 0, snapshotBytesWritten: 0 };

  /** Creates a store rooted at `root` (created mode 0700 on first use); `historyLimit` is for tests. */
  constructor(
    private readonly root: string,
    private readonly historyLimit = HISTORY_MAX_ENTRIES,
  ) {}

  /** Every stored update for a doc, snapshot first, then the log records in order. */
  load(docName: string): Promise<Uint8Array[]> {
    return this.enqueue(docName, (resolve, reject) => ({ kind: 'load', resolve, reject }));
  }

  /** Appends one update; resolves once it is fdatasynced. */
  append(docName: string, update: Uint8Array, by?: Attribution): Promise<void> {
    return this.enqueue(docName, (resolve, reject) => ({ kind: 'append', update, by, resolve, reject }));
  }

  /** The history file's base and entries, then the log's records it has not absorbed. */
  history(docName: string): Promise<DocHistory> {
    return this.enqueue(docName, (resolve, reject) => ({ kind: 'history', resolve, reject }));
  }

  /** The doc's content and history read in one queued operation, so they are from the same moment (for backups). */
  copy(docName: string): Promise<DocCopy> {
    return this.enqueue(docName, (resolve, reject) => ({ kind: 'copy', resolve, reject }));
  }

  /** Replaces the doc's snapshot and log with one snapshot, atomically. */
  compact(docName: string, snapshot: Uint8Array): Promise<void> {
    return this.enqueue(docName, (resolve, reject) => ({ kind: 'compact', snapshot, resolve, reject }));
  }

  /** Bytes held for the doc once queued writes are done (snapshot + log). */
  async size(docName: string): Promise<number> {
    const files = await this.open(docName);
    await idle(files);
    return files.snapshotBytes + files.logBytes;
  }

  /** Waits for the doc's queued writes, then closes its log handle; the next operation reopens it. */
  async release(docName: string): Promise<void> {
    const opening = this.docs.get(docName);
    const files = await opening?.catch(() => null);
    if (!files) return;
    await idle(files);
    // Checked synchronously after the wait, so no operation can slip in between the check and the close.
    if (this.docs.get(docName) !== opening || files.queue.length > 0 || files.draining) return;
    this.docs.delete(docName);
    files.released = true;
    const log = files.log;
    files.log = null;
    await log?.close();
  }

  /** Waits for queued writes and closes every log handle. */
  async close(): Promise<void> {
    const all = [...this.docs.values()];
    this.docs.clear();
    for (const opening of all) {
      const files = await opening.catch(() => null);
      if (!files) continue;
      await idle(files);
      await files.log?.close();
      files.log = null;
    }
  }

  private async enqueue<T>(docName: string, make: (res: (v: T) => void, rej: (e: unknown) => void) => Op): Promise<T> {
    const files = await this.open(docName);
    if (files.released) return this.enqueue(docName, make);
    return new Promise<T>((resolve, reject) => {
      files.queue.push(make(resolve, reject));
      this.kick(files);
    });
  }

  /** Starts draining the queue unless a drain is running; a drain that ends re-checks the queue. */
  private kick(files: DocFiles): void {
    if (files.draining || files.queue.length === 0) return;
    files.draining = this.drain(files).finally(() => {
      files.draining = null;
      // An op queued between the drain's last check and now would otherwise wait forever.
      this.kick(files);
    });
  }

  private async drain(files: DocFiles): Promise<void> {
    // Yield once so that appends made in the same tick join the first batch, not only later ones.
    await Promise.resolve();
    while (files.queue.length > 0) {
      const head = files.queue.shift()!;
      if (head.kind === 'compact') {
        await this.writeSnapshot(files, head.snapshot).then(head.resolve, head.reject);
        continue;
      }
      if (head.kind === 'load') {
        await readDoc(files).then(head.resolve, head.reject);
        continue;
      }
      if (head.kind === 'copy') {
        await copyDoc(files).then(head.resolve, head.reject);
        continue;
      }
      if (head.kind === 'history') {
        await readHistory(files).then((h) => head.resolve({ base: h.base, entries: h.entries }), head.reject);
        continue;
      }
      // Take every append up to the next other op: one write, one fdatasync (group commit).
      const batch = [head];
      while (files.queue[0]?.kind === 'append') batch.push(files.queue.shift() as typeof head);
      await this.writeBatch(files, batch).then(
        () => {
          for (const w of batch) w.resolve();
        },
        (err) => {
          for (const w of batch) w.reject(err);
        },
      );
    }
  }

  private async writeBatch(files: DocFiles, batch: { update: Uint8Array; by: Attribution | undefined }[]): Promise<void> {
    if (!files.log) throw new Error('doc store closed');
    // The attribution travels in the same record as its update: one write, one fdatasync, as before.
    const bodies = batch.map((w) => (w.by ? encodeAttributed(w.by, w.update) : w.update));
    const total = bodies.reduce((n, b) => n + RECORD_HEADER_BYTES + b.length, 0);
    const buf = Buffer.allocUnsafe(total);
    let at = 0;
    batch.forEach((w, i) => {
      const body = bodies[i]!;
      buf.writeUInt32LE((body.length | (w.by ? ATTRIBUTED : 0)) >>> 0, at);
      buf.writeUInt32LE(crc32(body) >>> 0, at + 4);
      buf.set(body, at + RECORD_HEADER_BYTES);
      at += RECORD_HEADER_BYTES + body.length;
    });
    try {
      // Positional write at the end of the valid prefix (the file is not O_APPEND): if an earlier
      // write failed part-way, its leftovers are overwritten instead of sitting between good records.
      let off = 0;
      while (off < total) {
        const { bytesWritten } = await files.log.write(buf, off, total - off, files.logBytes + off);
        off += bytesWritten;
      }
      this.stats.logWrites += 1;
      await files.log.datasync();
      this.stats.syncs += 1;
    } catch (err) {
      // Best effort: drop whatever part of the failed batch reached the file.
      await files.log.truncate(files.logBytes).catch(() => undefined);
      throw err;
    }
    files.logBytes += total;
    this.stats.appends += batch.length;
    this.stats.bytesWritten += total;
  }

  /**
   * Compaction: write the snapshot to a temp file, fsync it, rename it over the old snapshot, fsync
   * the directory, and only then empty the log.
   *
   * A crash at any point is safe:
   * - before the rename: the old snapshot and the full log are intact; the stray temp file is
   *   overwritten by the next compaction and never read;
   * - after the rename but before the log is truncated: the new snapshot already contains every
   *   update in the old log, and load returns both. Re-applying a Yjs update that a doc already holds
   *   is a no-op: Yjs identifies every item by (client id, clock) and skips items it has, and deletions
   *   are a set of id ranges, so applying one twice deletes nothing more. The doc is therefore exactly
   *   the same, and the next compaction removes the duplicate log.
   */
  private async writeSnapshot(files: DocFiles, snapshot: Uint8Array): Promise<void> {
    if (!files.log) throw new Error('doc store closed');
    await this.absorbLogIntoHistory(files);
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
    files.snapshotBytes = snapshot.length;
    this.stats.snapshots += 1;
    this.stats.snapshotBytesWritten += snapshot.length;
    // Only now is it safe to drop the log: the snapshot that replaces it is durable.
    await files.log.truncate(0);
    await files.log.datasync();
    files.logBytes = 0;
  }

  /**
   * Moves the log's records into the history file before the log is emptied (docs/storage.md,
   * "History"). The file is replaced atomically (temp, fsync, rename, fsync the directory) and records
   * which log prefix it absorbed (length and CRC), so a crash before the log is truncated does not
   * count those records twice: readers skip a log prefix the history already holds. Entries past
   * `historyLimit` are folded into the history's base.
   */
  private async absorbLogIntoHistory(files: DocFiles): Promise<void> {
    const h = await readHistory(files);
    const fresh = h.entries.slice(h.fromFile);
    if (fresh.length === 0 && h.file) return;
    const kept = foldFile(h, this.historyLimit);
    const log = (await readIfExists(path.join(files.dir, LOG)))?.subarray(0, files.logBytes) ?? new Uint8Array();
    await writeHistoryFile(files.dir, HISTORY, { ...kept, absorbed: { bytes: log.length, crc: crc32(log) >>> 0 } });
  }

  private open(docName: string): Promise<DocFiles> {
    // The grammar admits only [A-Za-z0-9_.-] and no "..", so a valid name is a safe directory name.
    if (!parseDocName(docName)) return Promise.reject(new Error('invalid doc name'));
    // The map holds the opening promise, so concurrent first calls share one file handle.
    let opening = this.docs.get(docName);
    if (!opening) {
      opening = openDocFiles(path.join(this.root, docName), this.root);
      this.docs.set(docName, opening);
      opening.catch(() => {
        if (this.docs.get(docName) === opening) this.docs.delete(docName);
      });
    }
    return opening;
  }
}

/** Opens (creating if needed) one doc's directory and log, and cuts a torn tail left by a crash. */
async function openDocFiles(dir: string, root: string): Promise<DocFiles> {
  const existed = await fs.stat(dir).then(
    () => true,
    () => false,
  );
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  // Read-write without O_APPEND: records are written at an explicit offset (see writeBatch).
  const log = await fs.open(path.join(dir, LOG), FS.O_RDWR | FS.O_CREAT, 0o600);
  try {
    if (!existed) {
      // Make the new directory and log file themselves durable, not just their contents.
      await fsyncDir(dir);
      await fsyncDir(root);
    }
    const bytes = new Uint8Array(await log.readFile());
    const valid = scanLog(bytes).validBytes;
    if (valid < bytes.length) {
      // A torn or corrupt tail from a crash: cut it before anything is appended after it.
      await log.truncate(valid);
      await log.datasync();
    }
    const snap = await fs.stat(path.join(dir, SNAPSHOT)).catch(() => null);
    return { dir, log, logBytes: valid, snapshotBytes: snap?.size ?? 0, queue: [], draining: null };
  } catch (err) {
    await log.close();
    throw err;
  }
}

/** Reads the snapshot and the log's valid records. */
async function readDoc(files: DocFiles): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const snap = await readIfExists(path.join(files.dir, SNAPSHOT));
  if (snap && snap.length > 0) out.push(snap);
  const log = (await readIfExists(path.join(files.dir, LOG))) ?? new Uint8Array();
  // Only the prefix this store knows to be whole is read.
  out.push(...scanLog(log.subarray(0, files.logBytes)).records);
  return out;
}

/** Frames plain (unattributed) updates as log records ([length][crc32][bytes] each), as a backup stores a doc. */
export function frameRecords(updates: readonly Uint8Array[]): Buffer {
  const total = updates.reduce((n, u) => n + RECORD_HEADER_BYTES + u.length, 0);
  const buf = Buffer.allocUnsafe(total);
  let at = 0;
  for (const u of updates) {
    buf.writeUInt32LE(u.length, at);
    buf.writeUInt32LE(crc32(u) >>> 0, at + 4);
    buf.set(u, at + RECORD_HEADER_BYTES);
    at += RECORD_HEADER_BYTES + u.length;
  }
  return buf;
}

/**
 * Reads a doc's history: the history file (or, before the first compaction, the snapshot as its base),
 * then the log's records that file has not absorbed. `fromFile` counts the entries that came from the file.
 */
async function readHistory(files: DocFiles): Promise<HistoryFile & { file: boolean; fromFile: number; entries: HistoryEntry[] }> {
  const file = await readHistoryFile(files.dir, HISTORY);
  const log = (await readIfExists(path.join(files.dir, LOG)))?.subarray(0, files.logBytes) ?? new Uint8Array();
  const start: HistoryFile = file ?? {
    folded: 0,
    base: await readIfExists(path.join(files.dir, SNAPSHOT)),
    entries: [],
    absorbed: { bytes: 0, crc: 0 },
  };
  let tail = log;
  const { bytes, crc } = start.absorbed;
  if (file && bytes > 0 && bytes <= log.length && crc32(log.subarray(0, bytes)) >>> 0 === crc) tail = log.subarray(bytes);
  const fromLog = scanLog(tail).entries.map((e, i) => ({ ...e, seq: start.folded + start.entries.length + i + 1 }));
  const base = start.base && start.base.length > 0 ? start.base : null;
  return { ...start, base, file: !!file, fromFile: start.entries.length, entries: [...start.entries, ...fromLog] };
}

/** Reads content and history together (the caller runs this inside the doc's queue). */
async function copyDoc(files: DocFiles): Promise<DocCopy> {
  const log = frameRecords(await readDoc(files));
  const h = await readHistory(files);
  // The whole content log is marked absorbed: every entry is already in the history file's entries.
  const history = encodeHistoryFile({ folded: h.folded, base: h.base, entries: h.entries, absorbed: { bytes: log.length, crc: crc32(log) >>> 0 } });
  return { log, history };
}

/** The history file to write: every entry read, with the oldest past `limit` folded into the base. */
function foldFile(h: HistoryFile & { entries: HistoryEntry[] }, limit: number): Omit<HistoryFile, 'absorbed'> {
  const folded = foldHistory({ base: h.base, entries: h.entries }, limit);
  return { folded: h.folded + folded.folded.length, base: folded.base, entries: folded.entries };
}

/** One record of a log: its update, and who sent it when the record carries an attribution. */
export type LogEntry = Attribution & { update: Uint8Array };

/** Splits a log into its records, stopping at the first torn or corrupt one. */
export function scanLog(log: Uint8Array): { records: Uint8Array[]; entries: LogEntry[]; validBytes: number } {
  const records: Uint8Array[] = [];
  const entries: LogEntry[] = [];
  const view = new DataView(log.buffer, log.byteOffset, log.byteLength);
  let at = 0;
  while (at + RECORD_HEADER_BYTES <= log.length) {
    const raw = view.getUint32(at, true);
    const attributed = (raw & ATTRIBUTED) !== 0;
    const len = raw & ~ATTRIBUTED;
    const crc = view.getUint32(at + 4, true);
    const end = at + RECORD_HEADER_BYTES + len;
    if (end > log.length) break;
    const body = log.subarray(at + RECORD_HEADER_BYTES, end);
    if (crc32(body) >>> 0 !== crc) break;
    const entry = attributed ? decodeAttributed(body) : { userId: null, at: 0, update: body.slice() };
    records.push(entry.update);
    entries.push(entry);
    at = end;
  }
  return { records, entries, validBytes: at };
}

async function idle(files: DocFiles): Promise<void> {
  while (files.draining) await files.draining;
}

async function readIfExists(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
