import type { Person } from '../people.js';
import { parseChronologyDate } from './parseDate.js';
import { parseCategory, type ChronologyCategory } from './categories.js';
import { ChronologyEntrySchema, type ChildContact, type ChronologyEntry } from './entry.js';
import { MAX_CHRONOLOGY_ENTRIES, MAX_SEQUENCE } from './limits.js';
import { findHeaderRow, type ImportField } from './headers.js';
import { fingerprint } from './fingerprint.js';
import { dateFromExcelSerial, expandTwoDigitYear } from './excelDate.js';

/** One cell as a spreadsheet reader gives it: its text, and its serial when it is a date-formatted number. */
export type ImportCell = { text: string; dateSerial?: number };

/** A row that could not be imported, with its 1-based row number in the file and a reason in plain English. */
export type RejectedRow = { row: number; reason: string };

/** The outcome of reading an agency's file: nothing is written until the caller confirms. */
export type ImportPlan = { entries: ChronologyEntry[]; rejected: RejectedRow[]; duplicates: number };

/** Reads "Seen alone by Health Visitor" into the contact kind and the role. */
export function parseChildContact(text: string): { contact: ChildContact; by: string } {
  const lower = text.trim().toLowerCase();
  const by = /\bby\b\s*(.+)$/i.exec(text.trim())?.[1]?.trim() ?? '';
  let contact: ChildContact = 'none';
  if (/not seen|unseen|not present/.test(lower)) contact = 'not-seen';
  else if (/alone/.test(lower) && !/not alone/.test(lower)) contact = 'seen-alone';
  else if (/seen|present|visit|spoke/.test(lower)) contact = 'seen';
  return { contact, by };
}

/** The register ids of people a family-contact cell names, by full name, first name, alias, relationship or report label. */
export function peopleNamed(text: string, people: readonly Person[]): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}' -]+/gu, ' ')} `;
  return people.filter((p) => {
    const names = [p.name, ...p.aliases, p.name.split(' ')[0] ?? '', p.relationship, p.reportLabel]
      .map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3 && n !== 'unknown');
    return names.some((n) => lower.includes(` ${n} `) || lower.includes(` ${n}'s `));
  }).map((p) => p.id);
}

/** Guesses a category from the key event's words when the file has no category column. */
export function guessCategory(text: string): ChronologyCategory {
  const t = text.toLowerCase();
  const rules: [RegExp, ChronologyCategory][] = [
    [/strateg/, 'strategy-discussion'], [/conference|icpc|rcpc/, 'child-protection-conference'], [/s\.?\s?47|section 47/, 's47-enquiry'],
    [/refer/, 'referral'], [/assess/, 'assessment'], [/hospital|a&e|a and e|emergency dep/, 'hospital-attendance'],
    [/moved (house|address|to)|house move|new address/, 'house-move'], [/new partner|moved in|household|separat/, 'household-change'],
    [/police|domestic|incident/, 'police-incident'], [/school|exclu/, 'school-change'], [/missing|abscond/, 'missing-episode'],
    [/\bbirth\b|\bborn\b|\bdeath\b|\bdied\b/, 'birth-or-death'],
  ];
  return rules.find(([re]) => re.test(t))?.[1] ?? 'other';
}

/**
 * Turns the rows of an agency's Document 10 spreadsheet into entries, or explains each row it cannot
 * use. Blank rows are skipped silently. Entry ids derive from the agency and the row's content, so a
 * row imported before (an id in `existingIds`) is counted as a duplicate and not written again:
 * re-importing a file adds nothing.
 */
export function planImport(
  rows: readonly (readonly ImportCell[])[],
  opts: { agencyId: string; people: readonly Person[]; existingIds: ReadonlySet<string>; currentYear: number },
): ImportPlan | { error: string } {
  const header = findHeaderRow(rows.map((r) => r.map((c) => c.text)));
  if (!header) return { error: 'No header row was found. The file needs at least a "Date" column and a "Key Event/Action Undertaken" column.' };
  const entries: ChronologyEntry[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set(opts.existingIds);
  let duplicates = 0;
  const perDay = new Map<string, number>();
  for (let i = header.index + 1; i < rows.length; i++) {
    const rowNumber = i + 1;
    const cells = new Map<ImportField, ImportCell>();
    for (const [col, field] of header.columns) cells.set(field, rows[i]![col] ?? { text: '' });
    const text = (f: ImportField) => cells.get(f)?.text.trim() ?? '';
    if ([...cells.values()].every((c) => !c.text.trim())) continue;
    const dateCell = cells.get('date')!;
    const rawDate = dateCell.text.trim();
    let date;
    if (dateCell.dateSerial !== undefined || /^\d{5}(\.\d+)?$/.test(rawDate)) {
      const d = dateFromExcelSerial(dateCell.dateSerial ?? Number(rawDate));
      if (!d) { rejected.push({ row: rowNumber, reason: 'The date is not a date Excel can hold.' }); continue; }
      date = d;
    } else {
      const parsed = parseChronologyDate(expandTwoDigitYear(rawDate, opts.currentYear));
      if (!parsed.ok) { rejected.push({ row: rowNumber, reason: rawDate ? `The date "${rawDate.slice(0, 40)}" could not be read. ${parsed.error}` : 'The date is missing.' }); continue; }
      date = parsed.date;
    }
    const keyEvent = text('event');
    if (!keyEvent) { rejected.push({ row: rowNumber, reason: 'The key event or action is empty.' }); continue; }
    let time: string | null = null;
    const rawTime = text('time');
    if (rawTime) {
      const m = /^(\d{1,2})[:.](\d{2})/.exec(rawTime);
      if (!m || +m[1]! > 23 || +m[2]! > 59) { rejected.push({ row: rowNumber, reason: 'The time is not a time of day as HH:MM.' }); continue; }
      time = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    }
    const id = `imp${fingerprint([opts.agencyId, date.year, date.month, date.day, date.precision, date.uncertainty, time, keyEvent, text('source'), text('comment')].join('\u0001'))}`;
    if (seen.has(id)) { duplicates++; continue; }
    seen.add(id);
    const dayKey = `${date.year}-${date.month}-${date.day}`;
    const sequence = perDay.get(dayKey) ?? 0;
    perDay.set(dayKey, sequence + 1);
    const child = parseChildContact(text('childContact'));
    const family = text('familyContact');
    const candidate: ChronologyEntry = {
      id, agencyId: opts.agencyId, date, time, sequence: Math.min(sequence, MAX_SEQUENCE), source: text('source').slice(0, 200),
      childContact: child.contact, childContactBy: child.by.slice(0, 200),
      familyContactIds: [...new Set(peopleNamed(family, opts.people))].slice(0, 50),
      familyContactBy: (/\bby\b\s*(.+)$/i.exec(family)?.[1]?.trim() ?? '').slice(0, 200),
      keyEvent, comment: text('comment'),
      category: parseCategory(text('category')) ?? guessCategory(keyEvent),
    };
    const valid = ChronologyEntrySchema.safeParse(candidate);
    if (!valid.success) {
      const issue = valid.error.issues[0];
      rejected.push({ row: rowNumber, reason: `The row is not valid: ${issue?.path.join('.') ?? 'a field'} ${issue?.message ?? ''}.` });
      continue;
    }
    entries.push(valid.data);
  }
  if (entries.length + opts.existingIds.size > MAX_CHRONOLOGY_ENTRIES) {
    return { error: `An agency chronology can hold at most ${MAX_CHRONOLOGY_ENTRIES.toLocaleString('en-GB')} entries.` };
  }
  return { entries, rejected, duplicates };
}
