import fs from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { fsyncDir } from './DurableFileAdapter.js';
import { decodeAttributed, encodeAttributed, type HistoryEntry } from './history.js';

/**
 * A doc's history file in the embedded store: how many entries were folded into the base (so entry
 * numbers stay stable), the base state, the entries, and the log prefix it absorbed (length and CRC of
 * the log when the file was written), which readers skip if the log still holds it after a crash.
 */
export type HistoryFile = {
  folded: number;
  base: Uint8Array | null;
  entries: HistoryEntry[];
  absorbed: { bytes: number; crc: number };
};

const MAGIC = 'RRH1';

const HeaderSchema = z.strictObject({
  folded: z.number().int().nonnegative(),
  absorbed: z.strictObject({ bytes: z.number().int().nonnegative(), crc: z.number().int().nonnegative() }),
});

/**
 * Reads a doc's history file, or null when it has none. Layout: see parseHistoryFile. A file that
 * does not parse whole is an error: it is only ever replaced by rename, so a torn file means the disk,
 * not a crash, failed.
 */
export async function readHistoryFile(dir: string, name: string): Promise<HistoryFile | null> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(path.join(dir, name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return parseHistoryFile(buf);
}

/**
 * Parses a history file's bytes (a stored file, or one carried in a backup). Layout: "RRH1",
 * [u32 header length][header JSON], [u32 base length][base], then one record per entry,
 * [u32 length][u32 crc32][attribution + update], as in the log. Throws on anything that is not whole.
 */
export function parseHistoryFile(bytes: Uint8Array): HistoryFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('history file: bad magic');
  let at = 4;
  const headerLen = buf.readUInt32LE(at);
  if (at + 4 + headerLen + 4 > buf.length) throw new Error('history file: truncated header');
  const header = HeaderSchema.parse(JSON.parse(buf.toString('utf8', at + 4, at + 4 + headerLen)));
  at += 4 + headerLen;
  const baseLen = buf.readUInt32LE(at);
  if (at + 4 + baseLen > buf.length) throw new Error('history file: truncated base');
  const base = baseLen > 0 ? new Uint8Array(buf.subarray(at + 4, at + 4 + baseLen)) : null;
  at += 4 + baseLen;
  const entries: HistoryEntry[] = [];
  while (at < buf.length) {
    if (at + 8 > buf.length) throw new Error('history file: corrupt record');
    const len = buf.readUInt32LE(at);
    const crc = buf.readUInt32LE(at + 4);
    const body = new Uint8Array(buf.subarray(at + 8, at + 8 + len));
    if (body.length !== len || crc32(body) >>> 0 !== crc) throw new Error('history file: corrupt record');
    entries.push({ ...decodeAttributed(body), seq: header.folded + entries.length + 1 });
    at += 8 + len;
  }
  return { folded: header.folded, base, entries, absorbed: header.absorbed };
}

/** The bytes of a history file (layout in parseHistoryFile). */
export function encodeHistoryFile(h: HistoryFile): Buffer {
  const header = Buffer.from(JSON.stringify({ folded: h.folded, absorbed: h.absorbed }), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), u32(header.length), header, u32(h.base?.length ?? 0)];
  if (h.base) parts.push(Buffer.from(h.base));
  for (const e of h.entries) {
    const body = encodeAttributed(e, e.update);
    parts.push(u32(body.length), u32(crc32(body) >>> 0), Buffer.from(body));
  }
  return Buffer.concat(parts);
}

/** Replaces the history file atomically: temp file, fsync, rename, fsync the directory. */
export async function writeHistoryFile(dir: string, name: string, h: HistoryFile): Promise<void> {
  const tmp = path.join(dir, `${name}.tmp`);
  const fh = await fs.open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(encodeHistoryFile(h));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, path.join(dir, name));
  await fsyncDir(dir);
}

function u32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32LE(n, 0);
  return b;
}
