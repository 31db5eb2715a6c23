/** Longest id the draft schema accepts (ReportDraftSchema's slug rule). */
export const MAX_ID_CHARS = 40;

const SLUG = /^[a-z0-9-]{1,40}$/;

/** True when `s` is an id the draft schema accepts: 1 to 40 lower-case letters, digits or hyphens. */
export function isSlug(s: string): boolean {
  return SLUG.test(s);
}

/**
 * The id for a new theme, learning point or recommendation: `<prefix>-<n>` with n one more than the
 * highest number already used under that prefix, so a removed item's id is not handed to a new one
 * while something might still refer to it. Ids are never made from what the lead reviewer types, so
 * no name can reach an id. If the numbers run too long for the schema (a hand-made draft), the
 * smallest free number is used instead. With a `salt` (newIdSalt) the id ends `-<salt>`, so two people
 * adding an item to the shared draft at the same moment, or one of them offline, get different ids and
 * both items are kept (the same id would make one replace the other).
 */
export function nextId(prefix: string, taken: Iterable<string>, salt?: string): string {
  const base = numberedId(prefix, taken);
  return salt ? `${base}-${salt}` : base;
}

/** Characters of the random part of a new item's id. */
const SALT_CHARS = 6;

/** A random suffix for a new item's id (lower-case letters and digits, so the id stays a slug). */
export function newIdSalt(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(SALT_CHARS));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function numberedId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const pattern = new RegExp(`^${prefix.replace(/[^a-z0-9-]/g, '')}-(\\d+)(?:-[a-z0-9]{1,${SALT_CHARS}})?$`);
  let highest = 0;
  for (const id of used) {
    const m = pattern.exec(id);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  const candidate = `${prefix}-${highest + 1}`;
  if (Number.isSafeInteger(highest + 1) && candidate.length <= MAX_ID_CHARS && !used.has(candidate)) return candidate;
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}
