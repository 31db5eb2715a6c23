import type { Response } from 'express';

/** A produced download; `skipped` counts stored records it left out because they did not parse. */
export type ProducedFile = { bytes: Uint8Array; filename: string; contentType: string; skipped?: number };

/**
 * The response header that tells a client how many stored records (a crafted or malformed row or
 * person) a download left out, as the JSON views give `skipped`; the file itself stays clean.
 */
export const SKIPPED_RECORDS_HEADER = 'X-Skipped-Records';

/** Sends a produced file as an attachment, with the skipped-records header when the producer counted. */
export function sendFile(res: Response, out: ProducedFile): void {
  res.setHeader('Content-Type', out.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${out.filename}"`);
  if (out.skipped !== undefined) res.setHeader(SKIPPED_RECORDS_HEADER, String(out.skipped));
  res.end(Buffer.from(out.bytes));
}
