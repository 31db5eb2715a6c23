import type { Person } from '../people.js';
import { parseChronologyDate } from './parseDate.js';
import { parseCategory, type ChronologyCategory } from './categories.js';
import { ChronologyEntrySchema, type ChronologyEntry } from './entry.js';
import { parseChildContact } from './contactText.js';
import { MAX_LABEL_CHARS, MAX_TEXT_CHARS } from '../limits.js';
import { MAX_CHRONOLOGY_ENTRIES, MAX_SEQUENCE } from './limits.js';
import { findHeaderRow, type ImportField } from './headers.js';
import { fingerprint } from './fingerprint.js';
import { dateFromExcelSerial, expandTwoDigitYear } from './excelDate.js';
import type { ChronologyDate } from './chronologyDate.js';

/** One cell as a spreadsheet reader gives it: its text, and its serial when it is a date-formatted number. */
export type ImportCell = { text: string; dateSerial?: number };

/** A row that could not be imported, with its 1-based row number in the file and a reason in plain English. */
export type RejectedRow = { row: number; reason: string };

/** The outcome of reading an agency's file: nothing is written until the caller confirms. */
export type ImportPlan = {
  entries: ChronologyEntry[];
  rejected: RejectedRow[];
  duplicates: number;
  /** Headers of the columns no field takes; their cells are kept in each row's Other information. */
  unknownColumns: string[];
};

/** The words a person may be named by in a cell: full name, aliases, first name, relationship, report label. */
function termsFor(p: Person): string[] {
  return [p.name, ...p.aliases, p.name.split(' ')[0] ?? '', p.relationship, p.reportLabel].map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3 && n !== 'unknown');
}

/** A cell lower-cased with punctuation as spaces, padded, for whole-word matching. */
function padded(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')} `;
}

/** The register ids of people a family-contact cell names, by full name, first name, alias, relationship or report label. */
export function peopleNamed(text: string, people: readonly Person[]): string[] {
  const lower = padded(text);
  return people.filter((p) => termsFor(p).some((n) => lower.includes(` ${n} `) || lower.includes(` ${n}'s `))).map((p) => p.id);
}

/**
 * Reads a family-contact cell into register ids and the "by" text, keeping every word. When the words
 * before " by " are only the names of people found in the register (as the export writes them, or
 * "Mother and Gran"), the by text is what follows; otherwise ("Mother – PC on response") the whole
 * cell is kept as the by text, so who made the contact, and in what role, is never lost.
 */
export function parseFamilyContact(text: string, people: readonly Person[]): { ids: string[]; by: string } {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return { ids: [], by: '' };
  const split = /^(.*?)\s*\bby\b\s+(.+)$/i.exec(t);
  const names = split ? split[1]! : t;
  const named = [...new Set(peopleNamed(names, people))];
  let rest = padded(names);
  const terms = people
    .filter((p) => named.includes(p.id))
    .flatMap(termsFor)
    .sort((a, b) => b.length - a.length);
  for (const n of terms) rest = rest.split(` ${n}'s `).join(' ').split(` ${n} `).join(' ');
  const onlyNames = rest.replace(/\b(and|&)\b/g, ' ').replace(/[\s'-]+/g, '') === '';
  if (onlyNames) return { ids: named, by: split ? split[2]!.trim() : '' };
  return { ids: [...new Set(peopleNamed(t, people))], by: t };
}

/** Guesses a category from the key event's words when the file has no category column. */
export function guessCategory(text: string): ChronologyCategory {
  const t = text.toLowerCase();
  const rules: [RegExp, ChronologyCategory][] = [
    [/strateg/, 'strategy-discussion'],
    [/conference|icpc|rcpc/, 'child-protection-conference'],
    [/s\.?\s?47|section 47/, 's47-enquiry'],
    [/refer/, 'referral'],
    [/assess/, 'assessment'],
    [/hospital|a&e|a and e|emergency dep/, 'hospital-attendance'],
    [/moved (house|address|to)|house move|new address/, 'house-move'],
    [/new partner|moved in|household|separat/, 'household-change'],
    [/police|domestic|incident/, 'police-incident'],
    [/school|exclu/, 'school-change'],
    [/missing|abscond/, 'missing-episode'],
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
  opts: { agencyId: string; agencyCode?: string; people: readonly Person[]; existingIds: ReadonlySet<string>; currentYear: number },
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
    const extra = [...header.unknown].map(([col, h]) => [h, rows[i]![col]?.text.trim() ?? ''] as const).filter(([, v]) => v);
    if ([...cells.values()].every((c) => !c.text.trim()) && extra.length === 0) continue;
    const dateCell = cells.get('date')!;
    const rawDate = dateCell.text.trim();
    let date: ChronologyDate;
    if (dateCell.dateSerial !== undefined || /^\d{5}(\.\d+)?$/.test(rawDate)) {
      const d = dateFromExcelSerial(dateCell.dateSerial ?? Number(rawDate));
      if (!d) {
        rejected.push({ row: rowNumber, reason: 'The date is not a date Excel can hold.' });
        continue;
      }
      date = d;
    } else {
      const parsed = parseChronologyDate(expandTwoDigitYear(rawDate, opts.currentYear));
      if (!parsed.ok) {
        rejected.push({ row: rowNumber, reason: rawDate ? `The date "${rawDate.slice(0, 40)}" could not be read. ${parsed.error}` : 'The date is missing.' });
        continue;
      }
      date = parsed.date;
    }
    const keyEvent = text('event');
    if (!keyEvent) {
      rejected.push({ row: rowNumber, reason: 'The key event or action is empty.' });
      continue;
    }
    let time: string | null = null;
    const rawTime = text('time');
    if (rawTime) {
      const m = /^(\d{1,2})[:.](\d{2})/.exec(rawTime);
      if (!m || +m[1]! > 23 || +m[2]! > 59) {
        rejected.push({ row: rowNumber, reason: 'The time is not a time of day as HH:MM.' });
        continue;
      }
      time = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    }
    const id = `imp${fingerprint([opts.agencyId, date.year, date.month, date.day, date.precision, date.uncertainty, time, keyEvent, text('source'), text('comment')].join('\u0001'))}`;
    if (seen.has(id)) {
      duplicates++;
      continue;
    }
    seen.add(id);
    const dayKey = `${date.year}-${date.month}-${date.day}`;
    const sequence = perDay.get(dayKey) ?? 0;
    perDay.set(dayKey, sequence + 1);
    const child = parseChildContact(text('childContact'));
    const family = parseFamilyContact(text('familyContact'), opts.people);
    // Words with no field of their own are kept, each under its column's header, in "Other information".
    const other = [text('otherInfo')];
    const agency = text('agency');
    if (agency && agency.toLowerCase() !== (opts.agencyCode ?? '').toLowerCase()) other.push(`Agency: ${agency}`);
    if (text('keyLearning')) other.push(`Key practice learning event: ${text('keyLearning')}`);
    const category = parseCategory(text('category'));
    if (text('category') && !category) other.push(`Category: ${text('category')}`);
    // A by text longer than a role field holds is kept whole in Other information instead of cut short.
    let childBy = child.by;
    if (childBy.length > MAX_LABEL_CHARS) {
      other.push(`Contact with the child: ${text('childContact')}`);
      childBy = '';
    }
    let familyBy = family.by;
    if (familyBy.length > MAX_LABEL_CHARS) {
      other.push(`Contact with family members: ${text('familyContact')}`);
      familyBy = '';
    }
    for (const [h, v] of extra) other.push(`${h}: ${v}`);
    const otherInfo = other.filter(Boolean).join('\n');
    if (text('source').length > MAX_LABEL_CHARS || otherInfo.length > MAX_TEXT_CHARS) {
      rejected.push({ row: rowNumber, reason: 'The row holds more text than a chronology row can keep; shorten it and import it again.' });
      continue;
    }
    const candidate: ChronologyEntry = {
      id,
      agencyId: opts.agencyId,
      date,
      time,
      sequence: Math.min(sequence, MAX_SEQUENCE),
      source: text('source'),
      childContact: child.contact,
      childContactBy: childBy,
      familyContactIds: family.ids,
      familyContactBy: familyBy,
      keyEvent,
      comment: text('comment'),
      category: category ?? guessCategory(keyEvent),
      otherInfo,
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
  return { entries, rejected, duplicates, unknownColumns: [...header.unknown.values()] };
}
