import { describe, expect, it } from 'vitest';
import { exportOutcome, filenameFrom, leakProblemsOf } from '../../../client/src/report/exportDownload.js';

describe('leakProblemsOf', () => {
  it('reads place and problem pairs, dropping duplicates and anything malformed', () => {
    expect(
      leakProblemsOf({
        problems: [
          { place: 'word/document.xml paragraph 12', problem: 'a real first name from the people register' },
          { place: 'word/document.xml paragraph 12', problem: 'a real first name from the people register' },
          { place: 'docProps/core.xml', problem: 'dc:creator names someone other than the partnership' },
          { place: 3, problem: 'x' },
          null,
          'text',
        ],
      }),
    ).toEqual([
      { place: 'word/document.xml paragraph 12', problem: 'a real first name from the people register' },
      { place: 'docProps/core.xml', problem: 'dc:creator names someone other than the partnership' },
    ]);
    expect(leakProblemsOf(undefined)).toEqual([]);
    expect(leakProblemsOf([])).toEqual([]);
    expect(leakProblemsOf({ problems: 'none' })).toEqual([]);
  });
});

describe('filenameFrom', () => {
  it('takes a plain file name from Content-Disposition, or the fallback', () => {
    expect(filenameFrom('attachment; filename="draft-report.docx"', 'x.docx')).toBe('draft-report.docx');
    expect(filenameFrom(null, 'x.docx')).toBe('x.docx');
    expect(filenameFrom('attachment; filename="../../etc/passwd"', 'x.docx')).toBe('x.docx');
    expect(filenameFrom('attachment; filename="a b<script>.docx"', 'x.docx')).toBe('x.docx');
  });
});

describe('exportOutcome', () => {
  it('gives the file when the server sends it', async () => {
    const res = new Response(new Uint8Array([80, 75, 3, 4]), { status: 200, headers: { 'content-disposition': 'attachment; filename="draft-report.docx"' } });
    const out = await exportOutcome(res, 'fallback.docx');
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.filename).toBe('draft-report.docx');
      expect(new Uint8Array(await out.blob.arrayBuffer())).toEqual(new Uint8Array([80, 75, 3, 4]));
    }
  });

  it('reports a leak-check refusal with its places, and never a file', async () => {
    const body = {
      error: {
        code: 'leak-found',
        message: 'The report was not produced.',
        details: { problems: [{ place: 'word/footer1.xml paragraph 1', problem: 'a real surname from the people register' }] },
      },
    };
    const out = await exportOutcome(new Response(JSON.stringify(body), { status: 422 }), 'x.docx');
    expect(out).toEqual({
      ok: false,
      kind: 'leak-found',
      message: 'The report was not produced.',
      problems: [{ place: 'word/footer1.xml paragraph 1', problem: 'a real surname from the people register' }],
    });
  });

  it('reports other failures with the server\u2019s message, or a plain one', async () => {
    const refused = await exportOutcome(
      new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Only the lead reviewer can download the report.' } }), { status: 403 }),
      'x',
    );
    expect(refused).toEqual({ ok: false, kind: 'error', message: 'Only the lead reviewer can download the report.' });
    expect(await exportOutcome(new Response('<html>', { status: 502 }), 'x')).toEqual({ ok: false, kind: 'error', message: 'The server answered 502. Please try again.' });
    expect((await exportOutcome(new Response('', { status: 401 }), 'x')).ok).toBe(false);
    // A 422 that is not a leak-check refusal is an ordinary failure.
    const other = await exportOutcome(new Response(JSON.stringify({ error: { code: 'invalid', message: 'No.' } }), { status: 422 }), 'x');
    expect(other).toEqual({ ok: false, kind: 'error', message: 'No.' });
  });
});
