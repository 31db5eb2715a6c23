/**
 * Decodes an uploaded text file without asking the uploader about encodings. Excel's "CSV UTF-8" export
 * starts with a BOM; its plain "CSV" export on Windows is Windows-1252 ("£" is the single byte 0xA3);
 * "Unicode Text" is UTF-16LE with a BOM. Strict UTF-8 is tried first because Windows-1252 text with any
 * non-ASCII byte is almost never valid UTF-8, while the reverse guess would silently garble UTF-8.
 */

/** Which decoding was used, for callers that want to tell the uploader. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A decoded file: its text without any byte order mark, and the encoding that read it. */
export interface DecodedText {
  /** The file's characters, BOM removed. */
  readonly text: string;
  /** The encoding used. */
  readonly encoding: TextEncodingName;
}

/**
 * Windows-1252 bytes 0x80–0x9F, as the WHATWG Encoding Standard maps them (the five unassigned bytes map
 * to the C1 control of the same value). Written out here rather than relying on the runtime's ICU data,
 * which a small-ICU Node build lacks.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes Windows-1252; every byte maps to a character, so this never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Built in chunks so that a 10 MiB file does not create ten million one-character strings at once.
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Decodes uploaded text: UTF-16 by BOM, else strict UTF-8 (BOM optional), else Windows-1252. */
export function decodeUploadedText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Swapped to little-endian by hand: a small-ICU Node build has no UTF-16BE decoder.
    const swapped = new Uint8Array(bytes.length - 2);
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      swapped[i - 2] = bytes[i + 1]!;
      swapped[i - 1] = bytes[i]!;
    }
    return { text: new TextDecoder('utf-16le').decode(swapped), encoding: 'utf-16be' };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM keeps control here: the BOM is removed by slicing, once, and only when present.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
