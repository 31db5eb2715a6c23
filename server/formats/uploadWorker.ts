import { parentPort, workerData } from 'node:worker_threads';
import { readUploadCells } from '../commands/spreadsheetCells.js';
import { FormatError } from './FormatError.js';
import { HttpError } from '../http/errors.js';

/**
 * Worker-thread entry that reads one uploaded spreadsheet, so a hostile or merely large file costs
 * this thread's time and heap, never the event loop that serves everyone else. It answers with the
 * rows or with the reader's own refusal (code, status and message), which the pool rethrows as is.
 */
const { bytes, filename } = workerData as { bytes: Uint8Array; filename: string };
try {
  parentPort!.postMessage({ ok: true, rows: readUploadCells(bytes, filename) });
} catch (err) {
  if (err instanceof FormatError) parentPort!.postMessage({ ok: false, kind: 'format', code: err.code, message: err.message });
  else if (err instanceof HttpError) parentPort!.postMessage({ ok: false, kind: 'http', status: err.status, code: err.code, message: err.message });
  else parentPort!.postMessage({ ok: false, kind: 'internal' });
}
