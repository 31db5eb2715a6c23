import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { api, login } from '../../utils/api.js';
import { buildXlsx } from '../formats/xlsxFixtures.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let cookie: string;
let importPath: string;

beforeAll(async () => {
  server = await startTestServer();
  cookie = await login(server.url);
  const review = await api(server.url, 'POST', '/api/reviews', {
    cookie,
    body: { title: 'Import review', kind: 'rapid-review', childPseudonym: 'Child I', referralDate: '02/11/2026' },
  });
  const agency = await api(server.url, 'POST', `/api/reviews/${review.body.id}/agencies`, { cookie, body: { name: 'Police', shortCode: 'POL', partnerType: 'police' } });
  importPath = `/api/reviews/${review.body.id}/agencies/${agency.body.id}/chronology/import?dryRun=true`;
});
afterAll(async () => {
  await server.close();
});

/** Uploads bytes as the multipart field "file", as the browser does. */
async function upload(bytes: Uint8Array, name: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)]), name);
  const res = await fetch(server.url + importPath, { method: 'POST', body: form, headers: { cookie, origin: server.url } });
  return { status: res.status, body: await res.json() };
}

/** 1.5 million empty shared strings, undeclared: about 200 KiB zipped. */
const manyStrings = (): Uint8Array => buildXlsx({ sheetData: '', sharedStringsXml: '<si/>'.repeat(1_500_000) });

describe('refused uploads keep their reason', () => {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const cases: [string, () => Uint8Array, string, number][] = [
    ['1.5 million shared strings', manyStrings, 'too_many_shared_strings', 413],
    [
      'a declared huge shared strings table',
      () => buildXlsx({ sheetData: '', extra: { 'xl/sharedStrings.xml': strToU8(`<sst xmlns="${MAIN}" uniqueCount="9999999"/>`) } }),
      'too_many_shared_strings',
      413,
    ],
    ['a sheet with a DTD', () => buildXlsx({ sheetData: '', rawSheetXml: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>' }), 'xml_dtd_forbidden', 400],
    ['a legacy .xls file', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), 'legacy_office_file', 400],
    ['a zip that is not a workbook', () => zipSync({ 'a.txt': strToU8('hello') }), 'xlsx_invalid', 400],
    ['a CSV with an unterminated quote', () => strToU8('Date,Event\n"01/02/2024,open'), 'csv_unterminated_quote', 400],
    ['a cell over 32,767 characters', () => strToU8(`Date,Event\n01/02/2024,${'x'.repeat(40_000)}\n`), 'cell_too_long', 413],
  ];
  for (const [what, make, code, status] of cases) {
    it(`answers ${what} with ${code}`, async () => {
      const bytes = make();
      const name = code.startsWith('csv') || code === 'cell_too_long' ? 'chronology.csv' : code === 'legacy_office_file' ? 'chronology.xls.xlsx' : 'chronology.xlsx';
      const r = await upload(bytes, name);
      expect(r.status).toBe(status);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).not.toBe('The request could not be read.');
    });
  }
});

describe('uploads do not stall other users', () => {
  it('answers another user’s health check while four hostile uploads are being read', async () => {
    const order: string[] = [];
    const uploads = Array.from({ length: 4 }, (_, i) =>
      upload(manyStrings(), `u${i}.xlsx`).then((r) => {
        order.push('upload');
        return r;
      }),
    );
    // Give the uploads time to reach the server before the health check is sent.
    await new Promise((r) => setTimeout(r, 50));
    const health = api(server.url, 'GET', '/api/health').then((r) => {
      order.push('health');
      return r;
    });
    const results = await Promise.all(uploads);
    expect((await health).status).toBe(200);
    expect(order[0]).toBe('health');
    for (const r of results) expect(r.body.error.code).toBe('too_many_shared_strings');
  });
});
