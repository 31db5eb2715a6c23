import { Inflate } from 'fflate';
import { FormatError } from './FormatError.js';
import { resolveLimits, type FormatLimits } from './limits.js';
import { readZipDirectory, type ZipEntry } from './zipDirectory.js';

/**
 * Capped unzip for uploaded Office packages (.xlsx now, .docx for the leak check later).
 * Order of defence: the archive's byte size, then the entry count and every name from the central
 * directory, then each needed entry's declared size against the per-entry and total caps — all before
 * inflating anything. Declared sizes can lie, so inflation then runs in small input slices with a
 * running byte counter that stops the moment output passes the declared size, and the CRC is checked.
 */

/** Compressed bytes fed to the inflater per step: deflate expands at most ~1032:1, so one step yields ≤ ~4 MiB. */
const INPUT_SLICE_BYTES = 4096;

/** An opened archive whose directory passed every check; entries are inflated only when read. */
export interface ZipReader {
  /** Every entry name, in directory order. */
  readonly names: readonly string[];
  /** The stored spelling of `name`, matched case-insensitively as OPC part names are, or undefined. */
  find(name: string): string | undefined;
  /** Declared uncompressed size of an entry (for pre-checks), or undefined if absent. */
  declaredSize(name: string): number | undefined;
  /** Inflates one entry within the caps; each call counts against the archive's total budget. */
  read(name: string): Uint8Array;
}

/** Options for `safeUnzip`. */
export interface SafeUnzipOptions {
  /** Which entries to inflate; the rest are never decompressed. Default: every file entry. */
  filter?: (name: string) => boolean;
  /** Narrower caps than the defaults in limits.ts. */
  limits?: Partial<FormatLimits>;
}

const tooLarge = (): FormatError => new FormatError('zip_too_large', 'The file is too large once unpacked, so it was not opened.');

const damaged = (why: string): FormatError => new FormatError('zip_invalid', `The file is damaged or is not a valid Office document (${why}).`);

/** Opens an archive: checks its size and central directory, and returns a reader that inflates on demand. */
export function openZip(bytes: Uint8Array, limitOverrides?: Partial<FormatLimits>): ZipReader {
  const limits = resolveLimits(limitOverrides);
  if (bytes.length > limits.maxUploadBytes) {
    throw new FormatError('file_too_large', 'The file is larger than the upload limit.');
  }
  const entries = readZipDirectory(bytes, limits.maxZipEntries);
  const byKey = new Map<string, ZipEntry>(entries.map((e) => [e.name.toLowerCase(), e]));
  let budget = limits.maxZipTotalBytes;

  const entry = (name: string): ZipEntry => {
    const found = byKey.get(name.toLowerCase());
    if (!found) throw damaged('missing part');
    return found;
  };

  return {
    names: entries.map((e) => e.name),
    find: (name) => byKey.get(name.toLowerCase())?.name,
    declaredSize: (name) => byKey.get(name.toLowerCase())?.uncompressedSize,
    read(name) {
      const e = entry(name);
      if (e.isDirectory) return new Uint8Array(0);
      if (e.uncompressedSize > limits.maxZipEntryBytes || e.uncompressedSize > budget) throw tooLarge();
      // Charged up front: the output buffer is allocated at the declared size, and the output must match it.
      budget -= e.uncompressedSize;
      return extract(bytes, e);
    },
  };
}

/**
 * Inflates the entries that pass `filter` into a Map keyed by entry name. The sum of their declared
 * sizes is checked against the total cap before the first byte is inflated.
 */
export function safeUnzip(bytes: Uint8Array, options: SafeUnzipOptions = {}): Map<string, Uint8Array> {
  const limits = resolveLimits(options.limits);
  const zip = openZip(bytes, limits);
  const filter = options.filter ?? ((name: string) => !name.endsWith('/'));
  const wanted = zip.names.filter(filter);
  let declared = 0;
  for (const name of wanted) {
    const size = zip.declaredSize(name) ?? 0;
    if (size > limits.maxZipEntryBytes) throw tooLarge();
    declared += size;
  }
  if (declared > limits.maxZipTotalBytes) throw tooLarge();
  return new Map(wanted.map((name) => [name, zip.read(name)]));
}

/** Decompresses one entry's data and verifies its length and CRC-32. */
function extract(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 0x1) {
    throw new FormatError('zip_encrypted', 'The file is encrypted. Remove the password and try again.');
  }
  const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw damaged('size mismatch');
    out = data.slice();
  } else if (e.method === 8) {
    out = inflateCapped(data, e.uncompressedSize);
  } else {
    throw damaged('unsupported compression');
  }
  if (crc32(out) !== e.crc32) throw damaged('checksum mismatch');
  return out;
}

/**
 * Streams raw deflate data through fflate in small slices. The callback counts output bytes and throws
 * as soon as they pass `declared`, so a lying header costs at most one slice's expansion in memory.
 */
export function inflateCapped(data: Uint8Array, declared: number): Uint8Array {
  const out = new Uint8Array(declared);
  let written = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > declared) throw damaged('entry larger than declared');
    out.set(chunk, written);
    written += chunk.length;
    finished ||= final;
  });
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += INPUT_SLICE_BYTES) {
      const end = Math.min(i + INPUT_SLICE_BYTES, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw damaged('bad compressed data');
  }
  if (!finished || written !== declared) throw damaged('entry smaller than declared');
  return out;
}

/** CRC-32 (IEEE 802.3) lookup table, built once. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of `data`, as stored in zip headers. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
