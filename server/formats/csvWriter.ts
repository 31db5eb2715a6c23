import { neutraliseCell } from './cellSafety.js';

/** Writes CSV for Excel: UTF-8 with BOM (so Excel reads it as UTF-8), CRLF, quotes as needed, every cell neutralised. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const quote = (v: string) => {
    const safe = neutraliseCell(v);
    return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
