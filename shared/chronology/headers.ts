/** Fields an imported column can fill. */
export type ImportField = 'date' | 'time' | 'source' | 'childContact' | 'familyContact' | 'event' | 'comment' | 'category' | 'otherInfo' | 'agency' | 'keyLearning';

/**
 * Header matching for Document 10 spreadsheets. Agencies retype and reword the headers ("Date
 * (DD/MM/YYYY)", "Source of Information:", "Key Event/Action Undertaken"), so headers are normalised
 * (lower case, punctuation and bracketed hints removed) and matched by their key words. Order matters:
 * "contact with family member" must be tried before plain "contact".
 */
const RULES: [ImportField, RegExp][] = [
  ['otherInfo', /^other info/],
  ['agency', /^agency$/],
  ['keyLearning', /key practice learning/],
  ['familyContact', /family/],
  ['childContact', /(child|young person).*contact|contact.*(child|young person)|seen alone/],
  ['comment', /comment|analysis|learning/],
  ['event', /key event|event|action/],
  ['source', /source/],
  ['time', /^time\b|\btime$/],
  ['category', /category|type of event|event type/],
  ['date', /^date\b|\bdate$|^date/],
];

/** Normalises a header: lower case, bracketed hints and punctuation removed, spaces collapsed. */
export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Matches one header to a field, or null. */
export function matchHeader(h: string): ImportField | null {
  const n = normaliseHeader(h);
  if (!n) return null;
  // Category words contain "event", so check category first when it is named.
  if (/category|event type|type of event/.test(n)) return 'category';
  for (const [field, re] of RULES) if (re.test(n)) return field;
  return null;
}

/** The header row of an import: columns matched to fields, and every other headed column by its header. */
export type HeaderRow = { index: number; columns: Map<number, ImportField>; unknown: Map<number, string> };

/**
 * Finds the header row (the first of the first 10 rows with a date column and an event column) and maps
 * columns to fields. Banner rows above it ("Key Events Chronology", "OFFICIAL-SENSITIVE") are skipped.
 * Columns that match no field, or a field already taken by an earlier column, are listed in `unknown`
 * with their header, so their cells are kept rather than dropped.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): HeaderRow | null {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const columns = new Map<number, ImportField>();
    const unknown = new Map<number, string>();
    rows[i]!.forEach((cell, col) => {
      const f = matchHeader(cell);
      if (f && ![...columns.values()].includes(f)) columns.set(col, f);
      else if (cell.trim()) unknown.set(col, cell.trim());
    });
    const fields = new Set(columns.values());
    if (fields.has('date') && fields.has('event')) return { index: i, columns, unknown };
  }
  return null;
}
