import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../server/formats/FormatError.js';
import { openZip, safeUnzip } from '../../../server/formats/safeUnzip.js';
import { readXlsx } from '../../../server/formats/xlsxReader.js';
import { catchFormatError } from './catchFormatError.js';
import { buildXlsx, inlineCell } from './xlsxFixtures.js';

/** Offsets of every central-directory record in a zip (signature PK\1\2). */
function centralRecords(zip: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) found.push(i);
  }
  return found;
}

/** A copy of `zip` whose every entry declares `size` uncompressed bytes, in central and local headers. */
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (const p of centralRecords(out)) {
    view.setUint32(p + 24, size, true);
    view.setUint32(view.getUint32(p + 42, true) + 22, size, true);
  }
  return out;
}

/** `count` tiny entries named e0.xml, e1.xml, … */
function manyEntries(count: number): Zippable {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`e${i}.xml`, strToU8('<a/>')]));
}

describe('safeUnzip: zip bombs', () => {
  // 4 MiB of zeros deflates to about 4 KiB: a thousand-fold expansion, like a real bomb's first layer.
  const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });

  it('refuses an archive that declares more than the total cap before inflating anything', () => {
    expect(bomb.length).toBeLessThan(64 * 1024);
    const err = catchFormatError(() => safeUnzip(bomb, { limits: { maxZipTotalBytes: 1024 * 1024 } }));
    expect(err.code).toBe('zip_too_large');
    expect(err.status).toBe(413);
  });

  it('refuses one entry larger than the per-entry cap even when the total budget allows it', () => {
    const err = catchFormatError(() => openZip(bomb, { maxZipEntryBytes: 1024 * 1024 }).read('xl/worksheets/sheet1.xml'));
    expect(err.code).toBe('zip_too_large');
  });

  it('stops inflating an entry that lies about its size, before it can grow past the declared size', () => {
    const lying = withDeclaredSize(bomb, 1000);
    const err = catchFormatError(() => safeUnzip(lying, { limits: { maxZipTotalBytes: 1024 * 1024 } }));
    expect(err.code).toBe('zip_invalid');
    expect(err.message).toMatch(/larger than declared/);
  });

  it('counts every read against one total budget across entries', () => {
    const two = zipSync({ 'a.xml': new Uint8Array(600_000), 'b.xml': new Uint8Array(600_000) });
    const zip = openZip(two, { maxZipTotalBytes: 1_000_000 });
    expect(zip.read('a.xml').length).toBe(600_000);
    expect(catchFormatError(() => zip.read('b.xml')).code).toBe('zip_too_large');
  });

  it('refuses an .xlsx whose worksheet inflates past a tiny cap', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}">${inlineCell(`A${i + 1}`, 'aaaaaaaaaa')}</row>`).join('');
    const xlsx = buildXlsx({ sheetData: rows });
    expect(catchFormatError(() => readXlsx(xlsx, { limits: { maxZipTotalBytes: 50_000 } })).code).toBe('zip_too_large');
    expect(catchFormatError(() => readXlsx(xlsx, { limits: { maxZipEntryBytes: 50_000 } })).code).toBe('zip_too_large');
    expect(readXlsx(xlsx).rows).toHaveLength(5000);
  });
});

describe('safeUnzip: directory checks', () => {
  it('refuses more entries than the cap, from the directory alone', () => {
    expect(catchFormatError(() => openZip(zipSync(manyEntries(11)), { maxZipEntries: 10 })).code).toBe('zip_too_many_entries');
    expect(openZip(zipSync(manyEntries(10)), { maxZipEntries: 10 }).names).toHaveLength(10);
  });

  it('refuses an .xlsx with more than the default 200 entries', () => {
    const xlsx = buildXlsx({ sheetData: '', extra: manyEntries(200) });
    const err = catchFormatError(() => readXlsx(xlsx));
    expect(err.code).toBe('zip_too_many_entries');
    expect(err.status).toBe(413);
  });

  it.each(['../evil.xml', 'xl/../../evil.xml', '/etc/passwd', 'C:/evil.xml', 'xl\\..\\evil.xml', 'xl/./a.xml', 'xl//a.xml', 'a\u0000.xml'])(
    'refuses the unsafe entry name %j',
    (name) => {
      const zip = zipSync({ 'ok.xml': strToU8('<a/>'), [name]: strToU8('<a/>') });
      expect(catchFormatError(() => openZip(zip)).code).toBe('zip_unsafe_path');
    },
  );

  it('refuses an .xlsx carrying a path-traversal entry even though the reader would never open it', () => {
    const xlsx = buildXlsx({ sheetData: '', extra: { '../../outside.txt': strToU8('x') } });
    expect(catchFormatError(() => readXlsx(xlsx)).code).toBe('zip_unsafe_path');
  });

  it('refuses entry names that differ only in case (another reader could pick the other one)', () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<a/>'), 'XL/Workbook.xml': strToU8('<b/>') });
    expect(catchFormatError(() => openZip(zip)).code).toBe('zip_invalid');
  });

  it('refuses an upload larger than the byte cap before reading its directory', () => {
    const xlsx = buildXlsx({ sheetData: '' });
    const err = catchFormatError(() => readXlsx(xlsx, { limits: { maxUploadBytes: xlsx.length - 1 } }));
    expect(err.code).toBe('file_too_large');
    expect(err.status).toBe(413);
  });

  it('refuses encrypted entries and corrupted data', () => {
    const plain = zipSync({ 'a.xml': strToU8('<hello/>') }, { level: 0 });
    const encrypted = plain.slice();
    const p = centralRecords(encrypted)[0]!;
    encrypted[p + 8]! |= 1;
    expect(catchFormatError(() => openZip(encrypted).read('a.xml')).code).toBe('zip_encrypted');

    const corrupted = plain.slice();
    corrupted[30 + 'a.xml'.length + 1] = 0x21; // one byte of the stored data
    expect(catchFormatError(() => openZip(corrupted).read('a.xml')).message).toMatch(/checksum/);
  });

  it('refuses bytes that are not a zip at all', () => {
    expect(catchFormatError(() => readXlsx(strToU8('Date,Event\r\n01/02/2020,Visit\r\n'))).code).toBe('zip_invalid');
    expect(catchFormatError(() => readXlsx(new Uint8Array(0))).code).toBe('zip_invalid');
  });

  it('reads a well-formed archive entry by entry', () => {
    const zip = openZip(zipSync({ 'dir/a.xml': strToU8('<a>é</a>') }));
    expect(zip.find('DIR/A.XML')).toBe('dir/a.xml');
    expect(new TextDecoder().decode(zip.read('dir/a.xml'))).toBe('<a>é</a>');
  });
});

describe('FormatError', () => {
  it('maps caps to 413 and malformed files to 400, with the standard error body', () => {
    const big = new FormatError('too_many_rows', 'Too many rows.');
    const bad = new FormatError('xlsx_invalid', 'Not a workbook.');
    expect([big.status, bad.status]).toEqual([413, 400]);
    expect(bad.toBody()).toEqual({ error: { code: 'xlsx_invalid', message: 'Not a workbook.' } });
  });
});
