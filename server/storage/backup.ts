import fs from 'node:fs/promises';
import { constants as FS } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import { z } from 'zod';
import { parseDocName } from '../../shared/docNames.js';
import { fsyncDir } from './DurableFileAdapter.js';
import { HISTORY, scanLog, type FileDocStore } from './FileDocStore.js';
import { parseHistoryFile } from './historyFile.js';

/** The archive's format name and version, checked on restore. */
const FORMAT = 'review-room-backup';
/** Version 2 adds each doc's history (docs/<name>/history.bin); version 1 archives, without it, still restore. */
const VERSION = 2;

/**
 * Largest backup file `restore` reads, in bytes. The archive is unpacked in memory; a partnership's
 * reviews are tens of megabytes, so this leaves a wide margin while refusing something absurd.
 */
export const MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024;

/** A file or directory name inside the data directory that a backup may hold: no separators, no "..". */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

const ManifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.union([z.literal(1), z.literal(VERSION)]),
  createdAt: z.string().datetime(),
  files: z.array(z.strictObject({ path: z.string().max(500), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(1_000_000),
});

/** What a backup or a restore did, for the terminal. */
export type BackupSummary = { file: string; docs: number; workshops: number; bytes: number; auditLines: number };

/** Thrown for a backup or restore that cannot be done; the message says why, in words for an administrator. */
export class BackupError extends Error {}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Whether a path inside a backup is one the embedded store writes: records.json, audit.log,
 * docs/<doc name>/log.bin or history.bin, or workshops/<id>/<file>. Anything else (a path with "..", an absolute
 * path, sessions, the lock or the admin socket) is refused on restore, so a crafted archive cannot
 * write outside the data directory or plant a session.
 */
export function isBackupPath(p: string): boolean {
  if (p === 'records.json' || p === 'audit.log') return true;
  const parts = p.split('/');
  if (parts.length !== 3 || !parts.every((s) => SAFE_NAME.test(s) && s !== '.' && s !== '..')) return false;
  if (parts[0] === 'docs') return parseDocName(parts[1]!) !== null && (parts[2] === 'log.bin' || parts[2] === HISTORY);
  return parts[0] === 'workshops' && !parts[2]!.endsWith('.tmp');
}

/**
 * A consistent backup of the embedded store while the server runs (docs/storage.md, "Backup").
 *
 * Every file the store writes is either replaced atomically (records.json and the workshop files,
 * by rename) or append-only with checked records (the Yjs logs and the audit log), so each file read
 * here is a state the server could have crashed into. The order across files makes the whole set such
 * a state too: records.json is read first and audit.log last, so every audit event whose record change
 * is in the backup is either in the audit copy or still in records.json's outbox (replayed once at
 * start-up, as after a crash). Each doc is read through the doc store's own queue, content and
 * history in one operation, so a compaction running at the same time can never leave a snapshot, a
 * log and a history from different moments. Everything acknowledged before the backup started is
 * therefore in it, with the doc's retained version history (named versions are records).
 *
 * Sessions are left out: a restored server signs everyone out. So are the first-run password, the
 * lock and the admin socket. The file is created 0600 and never overwrites an existing one.
 */
export async function backupEmbedded(dataDir: string, docs: FileDocStore, file: string): Promise<BackupSummary> {
  const out: Zippable = {};
  const add = (p: string, bytes: Uint8Array) => {
    out[p] = bytes;
  };
  const records = await readIfExists(path.join(dataDir, 'records.json'));
  if (records) add('records.json', records);

  let docCount = 0;
  for (const name of await listDir(path.join(dataDir, 'docs'))) {
    if (!parseDocName(name)) continue;
    const copy = await docs.copy(name);
    await docs.release(name);
    add(`docs/${name}/log.bin`, copy.log);
    add(`docs/${name}/${HISTORY}`, copy.history);
    docCount += 1;
  }

  let workshopCount = 0;
  for (const id of await listDir(path.join(dataDir, 'workshops'))) {
    if (!SAFE_NAME.test(id)) continue;
    workshopCount += 1;
    for (const f of await listDir(path.join(dataDir, 'workshops', id))) {
      const p = `workshops/${id}/${f}`;
      if (!isBackupPath(p)) continue;
      const bytes = await readIfExists(path.join(dataDir, 'workshops', id, f));
      if (bytes) add(p, bytes);
    }
  }

  // Last, and only whole lines: an append in progress has not been acknowledged yet.
  const audit = (await readIfExists(path.join(dataDir, 'audit.log'))) ?? new Uint8Array();
  const auditWhole = audit.subarray(0, audit.lastIndexOf(0x0a) + 1);
  add('audit.log', auditWhole);

  const manifest = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    files: Object.entries(out).map(([p, b]) => ({ path: p, bytes: (b as Uint8Array).length, sha256: sha256(b as Uint8Array) })),
  };
  const zip = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), ...out }, { level: 6 });
  const fh = await fs.open(file, FS.O_WRONLY | FS.O_CREAT | FS.O_EXCL, 0o600).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EEXIST') throw new BackupError(`${file} already exists; a backup never overwrites a file.`);
    if (err.code === 'ENOENT') throw new BackupError(`The folder for ${file} does not exist.`);
    throw err;
  });
  try {
    await fh.writeFile(zip);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsyncDir(path.dirname(path.resolve(file)));
  return { file, docs: docCount, workshops: workshopCount, bytes: zip.length, auditLines: countLines(auditWhole) };
}

/**
 * Restores a backup into `dataDir`, which must be empty or missing (the caller holds its lock).
 * Every entry is checked against the manifest's SHA-256 and the paths the store writes before any
 * file is written, so a damaged or crafted archive changes nothing. Files are fsynced, then their
 * directories, so a restore that returns is durable.
 */
export async function restoreEmbedded(file: string, dataDir: string, ignore: readonly string[] = []): Promise<BackupSummary> {
  const st = await fs.stat(file).catch(() => null);
  if (!st?.isFile()) throw new BackupError(`${file} is not a backup file.`);
  if (st.size > MAX_BACKUP_BYTES) throw new BackupError(`${file} is larger than the ${MAX_BACKUP_BYTES} bytes a restore reads.`);
  const present = (await listDir(dataDir)).filter((n) => !ignore.includes(n));
  if (present.length > 0) throw new BackupError(`${dataDir} is not empty (${present.slice(0, 3).join(', ')}); restore only into a new data directory.`);

  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await fs.readFile(file)));
  } catch {
    throw new BackupError(`${file} is not a readable backup archive.`);
  }
  const manifestBytes = entries['manifest.json'];
  let manifest: z.infer<typeof ManifestSchema>;
  try {
    manifest = ManifestSchema.parse(JSON.parse(strFromU8(manifestBytes ?? new Uint8Array())));
  } catch {
    throw new BackupError(`${file} has no valid Review Room backup manifest.`);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of Object.keys(entries)) {
    if (name !== 'manifest.json' && !listed.has(name)) throw new BackupError(`${file} holds ${JSON.stringify(name)}, which its manifest does not list.`);
  }
  for (const f of manifest.files) {
    if (!isBackupPath(f.path)) throw new BackupError(`${file} lists ${JSON.stringify(f.path)}, which is not a Review Room data file.`);
    const bytes = entries[f.path];
    if (!bytes || bytes.length !== f.bytes || sha256(bytes) !== f.sha256) throw new BackupError(`${f.path} in ${file} is damaged or missing (checksum mismatch).`);
    if (f.path.endsWith('/log.bin') && scanLog(bytes).validBytes !== bytes.length) throw new BackupError(`${f.path} in ${file} is not a whole document log.`);
    if (f.path.endsWith(`/${HISTORY}`)) checkHistory(f.path, bytes, entries[f.path.replace(HISTORY, 'log.bin')], file);
  }

  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const dirs = new Set<string>([dataDir]);
  let docCount = 0;
  const workshops = new Set<string>();
  for (const f of manifest.files) {
    const target = path.join(dataDir, ...f.path.split('/'));
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      for (let d = dir; d !== dataDir && !dirs.has(d); d = path.dirname(d)) dirs.add(d);
      dirs.add(path.dirname(dir));
    }
    const fh = await fs.open(target, FS.O_WRONLY | FS.O_CREAT | FS.O_EXCL, 0o600);
    try {
      await fh.writeFile(entries[f.path]!);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (f.path.endsWith('/log.bin')) docCount += 1;
    if (f.path.startsWith('workshops/')) workshops.add(f.path.split('/')[1]!);
  }
  for (const d of dirs) await fsyncDir(d);
  return { file, docs: docCount, workshops: workshops.size, bytes: st.size, auditLines: countLines(entries['audit.log'] ?? new Uint8Array()) };
}

/**
 * A doc's history in a backup must parse whole and mark exactly the doc's log in the same backup as
 * absorbed; otherwise the restored history would count the content again as new entries.
 */
function checkHistory(p: string, bytes: Uint8Array, log: Uint8Array | undefined, file: string): void {
  let absorbed: { bytes: number; crc: number };
  try {
    absorbed = parseHistoryFile(bytes).absorbed;
  } catch {
    throw new BackupError(`${p} in ${file} is not a whole document history.`);
  }
  if (!log || absorbed.bytes !== log.length || absorbed.crc !== crc32(log) >>> 0) throw new BackupError(`${p} in ${file} does not match its document's log.`);
}

function countLines(b: Uint8Array): number {
  let n = 0;
  for (const c of b) if (c === 0x0a) n += 1;
  return n;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
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
