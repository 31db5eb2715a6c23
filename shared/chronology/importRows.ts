import type { Person } from '../people.js';
import { chronoDateFromExcelSerial, parseChronoDate } from './chronologyDate.js';
import { categoryFromText, CategorySchema, type ChildContact } from './categories.js';
import { ChronologyEntrySchema, MAX_ENTRIES_PER_AGENCY, type ChronologyEntry } from './entry.js';
import { findHeaderRow, type ImportField } from './headers.js';
import { fingerprint } from './fingerprint.js';

/** One cell as a spreadsheet reader gives it: its text, and its number when it is a date-formatted number. */
export type ImportCell = { text: string; dateSerial?: number };

/** A row that could not be imported, with its 1-based row number in the file and a reason in plain English. */
export type RejectedRow = { row: number; reason: string };

/** The outcome of reading an agency's file: nothing is written until the caller confirms. */
export type ImportPlan = { entries: ChronologyEntry[]; rejected: RejectedRow[]; duplicates: number };

/** Reads "Seen alone by Health Visitor" into the contact kind and the role. */
export function parseChildContact(text: string): { contact: ChildContact; by: string } {
  const t = text.trim();
  const lower = t.toLowerCase();
  const by = /\bby\b\s*(.+)$/i.exec(t)?.[1]?.trim() ?? '';
  let contact: ChildContact = 'none';
  if (/not seen|unseen|not present/.test(lower)) contact = 'not-seen';
  else if (/seen alone|alone/.test(lower) && !/not alone/.test(lower)) contact = 'seen-alone';
  else if (/seen|present|visit|spoke/.test(lower)) contact = 'seen';
  return { contact, by };
}

/** The register ids of people a family-contact cell names, by name, first name or relationship. */
export function peopleNamed(text: string, people: readonly Person[]): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}' -]+/gu, ' ')} `;
  return people.filter((p) => {
    const names = [p.name, ...p.aliases, p.name.split(' ')[0] ?? '', p.relationship, p.reportLabel]
      .map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3 && n !== 'unknown');
    return names.some((n) => lower.includes(` ${n} `) || lower.includes(` ${n}'s `));
  }).map((p) => p.id);
}

/**
 * Turns the rows of an agency's Document 10 spreadsheet into entries, or explains each row it cannot
 * use. Blank rows are skipped silently. A row whose fingerprint matches an entry the agency already
 * has (`existingKeys`) is counted as a duplicate and not imported again, so re-importing a file adds
 * nothing. Entry ids derive from the agency and the fingerprint, so they are stable across imports.
 */
export function planImport(
  rows: readonly (readonly ImportCell[])[],
  opts: { agencyId: string; people: readonly Person[]; existingKeys: ReadonlySet<string>; pivotYear: number; date1904?: boolean },
): ImportPlan | { error: string } {
  const header = findHeaderRow(rows.map((r) => r.map((c) => c.text)));
  if (!header) return { error: 'No header row was found. The file needs at least a "Date" column and a "Key Event/Action Undertaken" column.' };
  const entries: ChronologyEntry[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set(opts.existingKeys);
  let duplicates = 0;
  const perDay = new Map<string, number>();
  for (let i = header.index + 1; i < rows.length; i++) {
    const rowNumber = i + 1;
    const cells = new Map<ImportField, ImportCell>();
    for (const [col, field] of header.columns) cells.set(field, rows[i]![col] ?? { text: '' });
    const text = (f: ImportField) => cells.get(f)?.text.trim() ?? '';
    if ([...cells.values()].every((c) => !c.text.trim())) continue;
    const dateCell = cells.get('date')!;
    const date = dateCell.dateSerial !== undefined
      ? chronoDateFromExcelSerial(dateCell.dateSerial, opts.date1904)
      : /^\d{4,5}(\.\d+)?$/.test(dateCell.text.trim()) && Number(dateCell.text) > 3000
        ? chronoDateFromExcelSerial(Number(dateCell.text), opts.date1904)
        : parseChronoDate(dateCell.text, opts.pivotYear);
    if (!date.ok) { rejected.push({ row: rowNumber, reason: `The date ${dateCell.text.trim() ? date.reason : 'is missing'}.` }); continue; }
    const event = text('event');
    if (!event) { rejected.push({ row: rowNumber, reason: 'The key event or action is empty.' }); continue; }
    let time: string | null = null;
    const rawTime = text('time');
    if (rawTime) {
      const m = /^(\d{1,2})[:.](\d{2})/.exec(rawTime);
      if (!m || +m[1]! > 23 || +m[2]! > 59) { rejected.push({ row: rowNumber, reason: 'The time is not a time of day as HH:MM.' }); continue; }
      time = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    }
    const key = fingerprint([date.date.year, date.date.month, date.date.day, date.date.precision, time, event, text('source'), text('comment')].join('\u0001'));
    if (seen.has(key)) { duplicates++; continue; }
    seen.add(key);
    const dayKey = `${date.date.year}-${date.date.month}-${date.date.day}`;
    const sequence = perDay.get(dayKey) ?? 0;
    perDay.set(dayKey, sequence + 1);
    const child = parseChildContact(text('childContact'));
    const family = text('familyContact');
    const categoryText = text('category');
    const parsedCategory = CategorySchema.safeParse(categoryText.toLowerCase().replace(/\s+/g, '-'));
    const candidate = {
      id: `imp${fingerprint(`${opts.agencyId}\u0001${key}`)}`,
      date: date.date, time, sequence: Math.min(sequence, 9999), source: text('source').slice(0, 200),
      childContact: child.contact, childContactBy: child.by.slice(0, 200),
      familyContactIds: peopleNamed(family, opts.people).slice(0, 50),
      familyContactBy: (/\bby\b\s*(.+)$/i.exec(family)?.[1]?.trim() ?? '').slice(0, 200),
      event, comment: text('comment'),
      category: parsedCategory.success ? parsedCategory.data : categoryFromText(`${categoryText} ${event}`),
      importKey: key,
    };
    const valid = ChronologyEntrySchema.safeParse(candidate);
    if (!valid.success) { rejected.push({ row: rowNumber, reason: `The row is not valid (${valid.error.issues[0]?.path.join('.') ?? 'field'} ${valid.error.issues[0]?.message ?? ''}).` }); continue; }
    entries.push(valid.data);
  }
  if (entries.length + opts.existingKeys.size > MAX_ENTRIES_PER_AGENCY) {
    return { error: `An agency chronology can hold at most ${MAX_ENTRIES_PER_AGENCY.toLocaleString('en-GB')} entries.` };
  }
  return { entries, rejected, duplicates };
}
