/**
 * One error type for everything a user's file can get wrong. Routes turn it into the standard
 * `{"error":{"code","message"}}` body. Messages are written for the person who uploaded the file and
 * never quote the file's content (logs must not hold case content), only row and column numbers.
 */

/** Every reason a file can be refused; stable strings that clients and tests may match on. */
export type FormatErrorCode =
  | 'file_too_large'
  | 'legacy_office_file'
  | 'zip_invalid'
  | 'zip_too_many_entries'
  | 'zip_too_large'
  | 'zip_unsafe_path'
  | 'zip_encrypted'
  | 'xml_invalid'
  | 'xml_dtd_forbidden'
  | 'xlsx_invalid'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'cell_too_long'
  | 'csv_binary'
  | 'csv_unterminated_quote'
  | 'too_many_shared_strings'
  | 'too_many_cells'
  | 'too_slow_to_read'
  | 'too_complex';

/** Codes that mean "too big" rather than "malformed", answered with 413 Content Too Large. */
const TOO_LARGE: ReadonlySet<FormatErrorCode> = new Set<FormatErrorCode>([
  'file_too_large',
  'zip_too_many_entries',
  'zip_too_large',
  'too_many_rows',
  'too_many_columns',
  'cell_too_long',
  'too_many_shared_strings',
  'too_many_cells',
  'too_slow_to_read',
  'too_complex',
]);

/** A refused file: `code` for programs, `message` (en-GB, free of file content) for people. */
export class FormatError extends Error {
  /** Stable machine-readable reason. */
  readonly code: FormatErrorCode;
  /** HTTP status a route should answer with: 413 for caps, 400 for malformed or unsupported files. */
  readonly status: 400 | 413;

  /** Builds the error; `message` is shown to the uploader as is. */
  constructor(code: FormatErrorCode, message: string) {
    super(message);
    this.name = 'FormatError';
    this.code = code;
    this.status = TOO_LARGE.has(code) ? 413 : 400;
  }

  /** The project's standard JSON error body. */
  toBody(): { error: { code: FormatErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}
