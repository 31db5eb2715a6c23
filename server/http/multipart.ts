import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError } from './errors.js';

/**
 * Reads exactly one file field from a multipart/form-data request into memory, refusing anything
 * larger than `maxBytes` as soon as it is exceeded (the rest is not buffered) and any other file field.
 */
export function readSingleFile(req: Request, field: string, maxBytes: number): Promise<{ filename: string; bytes: Uint8Array }> {
  return new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) return reject(new HttpError(415, 'multipart-required', `Send the file as multipart/form-data in a field called "${field}".`));
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 5, parts: 6 } });
    } catch {
      return reject(new HttpError(400, 'bad-multipart', 'The upload could not be read.'));
    }
    let result: { filename: string; bytes: Uint8Array } | null = null;
    let failure: HttpError | null = null;
    bb.on('file', (name, stream, info) => {
      if (name !== field) {
        failure ??= new HttpError(400, 'bad-multipart', `Send the file in a field called "${field}".`);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failure = new HttpError(413, 'file_too_large', 'The file is larger than the upload limit.');
      });
      stream.on('end', () => {
        if (!failure) result = { filename: info.filename ?? '', bytes: new Uint8Array(Buffer.concat(chunks)) };
      });
    });
    bb.on('filesLimit', () => {
      failure ??= new HttpError(400, 'bad-multipart', 'Send one file at a time.');
    });
    bb.on('error', () => reject(new HttpError(400, 'bad-multipart', 'The upload could not be read.')));
    bb.on('close', () => {
      if (failure) return reject(failure);
      if (!result) return reject(new HttpError(400, 'no-file', `No file was sent in the field "${field}".`));
      resolve(result);
    });
    req.pipe(bb);
  });
}
