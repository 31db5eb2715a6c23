import { FormatError } from './FormatError.js';

/**
 * Reads a zip archive's central directory without inflating anything, so that every cap can be checked
 * against the declared sizes first. Only the subset of the format that Office and common libraries write
 * is accepted: one disk, stored or deflated entries, ZIP64 sizes in the extra field. Anything odder is
 * refused rather than guessed at, because ambiguity between zip readers is itself an attack surface.
 */

/** One entry of the central directory, with its data located and bounds-checked. */
export interface ZipEntry {
  /** Entry name exactly as stored, already checked to be a safe relative path. */
  readonly name: string;
  /** True for folder entries (name ends with "/"); they carry no data. */
  readonly isDirectory: boolean;
  /** General-purpose flags; bit 0 means encrypted. */
  readonly flags: number;
  /** 0 = stored, 8 = deflate; others are refused when read. */
  readonly method: number;
  /** CRC-32 of the uncompressed data, checked after inflating. */
  readonly crc32: number;
  /** Declared compressed size (bytes in the archive). */
  readonly compressedSize: number;
  /** Declared uncompressed size; never trusted alone: inflation stops as soon as it is exceeded. */
  readonly uncompressedSize: number;
  /** Offset of the compressed data in the archive. */
  readonly dataOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Longest entry name accepted; Office part names are short, and a long name is only a parsing cost. */
const MAX_NAME_BYTES = 1024;

/** Signature of an OLE compound file: legacy .xls/.doc, and also password-protected .xlsx/.docx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const invalid = (why: string): FormatError => new FormatError('zip_invalid', `The file is damaged or is not a valid Office document (${why}).`);

/** True if the bytes start with the OLE compound-file signature. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Refuses names that could escape an extraction folder or be read differently by another tool:
 * absolute paths, drive letters, backslashes, "." or ".." segments, empty segments and control characters.
 */
export function assertSafeEntryName(name: string): void {
  const body = name.endsWith('/') ? name.slice(0, -1) : name;
  const unsafe =
    body.length === 0 ||
    /[\u0000-\u001f\u007f\\]/.test(name) ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    body.split('/').some((seg) => seg === '' || seg === '.' || seg === '..');
  if (unsafe) {
    throw new FormatError('zip_unsafe_path', 'The file contains an entry with an unsafe path, so it was not opened.');
  }
}

/** Finds the end-of-central-directory record, which sits within the last 64 KiB + 22 bytes. */
function findEocd(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === SIG_EOCD && p + EOCD_SIZE + view.getUint16(p + 20, true) <= view.byteLength) {
      return p;
    }
  }
  throw invalid('no zip directory');
}

/** Reads a little-endian 64-bit size from a ZIP64 extra field as a safe JS number. */
function readU64(view: DataView, p: number): number {
  const value = view.getUint32(p + 4, true) * 2 ** 32 + view.getUint32(p, true);
  if (!Number.isSafeInteger(value)) throw invalid('size out of range');
  return value;
}

/** Replaces 0xFFFFFFFF placeholders with the values in the ZIP64 extended-information extra field. */
function applyZip64(view: DataView, extraStart: number, extraEnd: number, sizes: { uncompressed: number; compressed: number; offset: number }): void {
  for (let p = extraStart; p + 4 <= extraEnd; ) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    const end = p + 4 + len;
    if (end > extraEnd) throw invalid('bad extra field');
    if (id === 0x0001) {
      let q = p + 4;
      for (const key of ['uncompressed', 'compressed', 'offset'] as const) {
        if (sizes[key] !== U32_MAX) continue;
        if (q + 8 > end) throw invalid('bad ZIP64 field');
        sizes[key] = readU64(view, q);
        q += 8;
      }
      return;
    }
    p = end;
  }
  if (sizes.uncompressed === U32_MAX || sizes.compressed === U32_MAX || sizes.offset === U32_MAX) {
    throw invalid('missing ZIP64 field');
  }
}

/**
 * Parses and validates the central directory. Checks the entry count against `maxEntries` before
 * reading a single record, every name for path traversal, duplicates (case-insensitively, as OPC part
 * names are), and that no two entries' data overlap (overlapping entries are how the densest zip bombs
 * reuse one compressed kernel many times).
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  if (isCompoundFile(bytes)) {
    throw new FormatError(
      'legacy_office_file',
      'This file is password-protected or in an old Office format (.xls or .doc). Save it as .xlsx or .docx without a password and try again.',
    );
  }
  if (bytes.length < EOCD_SIZE) throw invalid('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  const declaredCount = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) throw invalid('multi-part archive');
  if (declaredCount === 0xffff || cdOffset === U32_MAX || cdSize === U32_MAX) throw invalid('unsupported ZIP64 archive');
  if (declaredCount > maxEntries) throw tooManyEntries(maxEntries);
  if (cdOffset + cdSize > eocd) throw invalid('directory out of bounds');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const decoder = new TextDecoder('utf-8');
  const localStarts: number[] = [];
  let p = cdOffset;
  while (p < cdOffset + cdSize) {
    if (entries.length >= maxEntries) throw tooManyEntries(maxEntries);
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== SIG_CENTRAL) throw invalid('bad directory record');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > cdOffset + cdSize || nameLen > MAX_NAME_BYTES) throw invalid('bad directory record');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    assertSafeEntryName(name);
    const key = name.toLowerCase();
    if (seen.has(key)) throw invalid('duplicate entry');
    seen.add(key);
    const sizes = {
      compressed: view.getUint32(p + 20, true),
      uncompressed: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    };
    if (sizes.compressed === U32_MAX || sizes.uncompressed === U32_MAX || sizes.offset === U32_MAX) {
      applyZip64(view, p + 46 + nameLen, p + 46 + nameLen + extraLen, sizes);
    }
    const dataOffset = locateData(view, sizes.offset, cdOffset);
    if (dataOffset + sizes.compressed > cdOffset) throw invalid('entry out of bounds');
    localStarts.push(sizes.offset);
    entries.push({
      name,
      isDirectory: name.endsWith('/'),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc32: view.getUint32(p + 16, true),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      dataOffset,
    });
    p = next;
  }
  if (entries.length !== declaredCount) throw invalid('entry count mismatch');
  assertNoOverlap(entries, localStarts);
  return entries;
}

const tooManyEntries = (max: number): FormatError => new FormatError('zip_too_many_entries', `The file has more than ${max} internal parts, which is more than we accept.`);

/** Follows a local file header to where the entry's compressed bytes begin. */
function locateData(view: DataView, localOffset: number, limit: number): number {
  if (localOffset + 30 > limit || view.getUint32(localOffset, true) !== SIG_LOCAL) throw invalid('bad entry header');
  return localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
}

/** Each entry's data must end before the next entry's local header starts. */
function assertNoOverlap(entries: ZipEntry[], localStarts: number[]): void {
  const order = entries.map((_, i) => i).sort((a, b) => localStarts[a]! - localStarts[b]!);
  for (let k = 1; k < order.length; k++) {
    const prev = entries[order[k - 1]!]!;
    if (prev.dataOffset + prev.compressedSize > localStarts[order[k]!]!) throw invalid('overlapping entries');
  }
}
