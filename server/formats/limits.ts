/**
 * Caps for every file the server reads or writes as a spreadsheet or a zip package. Uploads come from
 * people outside the review team's control (agency authors), so each cap bounds memory and CPU before
 * any content is trusted. Tuned for the largest real chronology we expect (a few thousand rows) with
 * generous headroom; all of them can be narrowed per call through `FormatLimits`.
 */

/** Largest uploaded .xlsx or .csv in bytes (10 MiB): a 20,000-row chronology in .xlsx is about 3 MiB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Most rows read from one sheet or CSV file, counting header and banner rows (20,000). */
export const MAX_ROWS = 20_000;

/** Most columns read from one sheet or CSV file; Document 10 has about ten, so 100 is generous. */
export const MAX_COLUMNS = 100;

/** Longest cell in characters; 32,767 is Excel's own per-cell limit, so a real workbook never exceeds it. */
export const MAX_CELL_CHARS = 32_767;

/** Most bytes inflated from one .xlsx/.docx in total (50 MiB): XML compresses about 10:1, bombs far more. */
export const MAX_ZIP_TOTAL_BYTES = 50 * 1024 * 1024;

/** Most entries in one zip package (200): a plain workbook has about ten, a report with images a few dozen. */
export const MAX_ZIP_ENTRIES = 200;

/** Most bytes inflated from a single zip entry (32 MiB), so one part cannot take the whole budget's memory at once. */
export const MAX_ZIP_ENTRY_BYTES = 32 * 1024 * 1024;

/**
 * Most entries in a shared strings table (200,000): a 20,000-row chronology with ten text columns, all
 * different. Checked against the table's declared count before parsing and again as strings are read,
 * because 1.5 million empty strings fit in a 216 KiB upload.
 */
export const MAX_SHARED_STRINGS = 200_000;

/** Most `<c>` cells in one sheet, empty ones included (400,000: 20,000 rows of 20 columns). */
export const MAX_CELLS = 400_000;

/** Most time one file may take to parse (3 s of work); a real 20,000-row chronology takes well under one. */
export const MAX_PARSE_MS = 3_000;

/** Every cap the format readers apply; callers may pass a subset to narrow them (tests use tiny caps). */
export interface FormatLimits {
  /** Largest input file in bytes. */
  maxUploadBytes: number;
  /** Most rows, counting every row up to the last non-empty one. */
  maxRows: number;
  /** Most columns, counting up to the last non-empty cell. */
  maxColumns: number;
  /** Longest cell in characters. */
  maxCellChars: number;
  /** Most entries in a zip central directory. */
  maxZipEntries: number;
  /** Most inflated bytes for one zip entry. */
  maxZipEntryBytes: number;
  /** Most inflated bytes across every zip entry read from one archive. */
  maxZipTotalBytes: number;
  /** Most shared strings in a workbook. */
  maxSharedStrings: number;
  /** Most cells in a sheet or CSV file, empty ones included. */
  maxCells: number;
  /** Most milliseconds of parsing before the file is refused. */
  maxParseMs: number;
}

/** The caps above as one object, the default for every reader. */
export const DEFAULT_FORMAT_LIMITS: Readonly<FormatLimits> = Object.freeze({
  maxUploadBytes: MAX_UPLOAD_BYTES,
  maxRows: MAX_ROWS,
  maxColumns: MAX_COLUMNS,
  maxCellChars: MAX_CELL_CHARS,
  maxZipEntries: MAX_ZIP_ENTRIES,
  maxZipEntryBytes: MAX_ZIP_ENTRY_BYTES,
  maxZipTotalBytes: MAX_ZIP_TOTAL_BYTES,
  maxSharedStrings: MAX_SHARED_STRINGS,
  maxCells: MAX_CELLS,
  maxParseMs: MAX_PARSE_MS,
});

/** Merges a caller's partial caps over the defaults. */
export function resolveLimits(overrides?: Partial<FormatLimits>): FormatLimits {
  return { ...DEFAULT_FORMAT_LIMITS, ...overrides };
}
