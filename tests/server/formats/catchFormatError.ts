import { FormatError } from '../../../server/formats/FormatError.js';

/** Runs `fn` and returns the FormatError it throws; fails the test if it returns or throws anything else. */
export function catchFormatError(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FormatError) return err;
    throw new Error(`expected a FormatError, got ${String(err)}`);
  }
  throw new Error('expected a FormatError, but nothing was thrown');
}
