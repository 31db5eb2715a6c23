/**
 * Spreadsheet programs run a cell that starts with = + - @ (and, in some, a tab or carriage return
 * before them) as a formula, which lets a crafted chronology entry exfiltrate data or run commands
 * when a reviewer opens the export (OWASP "CSV injection"). Such cells are prefixed with a single
 * quote, which Excel and LibreOffice show as text and do not evaluate.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
