import { CHILD_CONTACT_LABELS, type ChildContact } from './entry.js';

/**
 * How the two contact columns are written in an export and read back by an import, so the round trip
 * (export, import into an empty agency, export) gives the same cells. The "by" text is written after
 * " by " whatever it says; an import keeps every word of a cell it cannot split exactly.
 */

/** The child-contact cell: "Seen alone by Health visitor", "No contact by Social worker", "" for none at all. */
export function childContactCell(contact: ChildContact, by: string): string {
  if (contact === 'none' && !by) return '';
  return by ? `${CHILD_CONTACT_LABELS[contact]} by ${by}` : CHILD_CONTACT_LABELS[contact];
}

/** The family-contact cell: "Kerry Thornbury, Janet Thornbury by Health visitor"; names may be empty. */
export function familyContactCell(names: readonly string[], by: string): string {
  return [names.join(', '), by ? `by ${by}` : ''].filter(Boolean).join(' ');
}

/** Words that say only whether the child was seen, as agencies write them, with the contact each means. */
const STATUS_WORDS: [RegExp, ChildContact][] = [
  [/^(seen alone|alone)$/, 'seen-alone'],
  [/^(not seen|unseen|not present)$/, 'not-seen'],
  [/^(no contact|none|n|no)$/, 'none'],
  [/^(y|yes|seen|present|seen with others|seen,? not alone)$/, 'seen'],
];

/** The contact a status word (Y, No, Seen alone…) means, or null when the text is not one. */
export function statusWord(text: string): ChildContact | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!,;:]+$/, '');
  return STATUS_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}

/** Guesses the contact from words in a longer cell ("Child seen alone at school"). */
function contactFromWords(text: string): ChildContact {
  const lower = text.toLowerCase();
  if (/not seen|unseen|not present|no contact/.test(lower)) return 'not-seen';
  if (/alone/.test(lower) && !/not alone/.test(lower)) return 'seen-alone';
  if (/seen|present|visit|spoke/.test(lower)) return 'seen';
  return 'none';
}

/**
 * Reads a child-contact cell into the contact and the "by" text, keeping every word: the export's own
 * form ("Seen alone by Health visitor") and a bare status (Y/N, Yes/No, Seen/Not seen, "seen alone")
 * split exactly; a status followed by more words ("Y – at home, HV") keeps those words as the by
 * text; any other text is kept whole as the by text, with the contact guessed from its words.
 */
export function parseChildContact(text: string): { contact: ChildContact; by: string } {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return { contact: 'none', by: '' };
  const whole = statusWord(t);
  if (whole) return { contact: whole, by: '' };
  const own = /^(.+?) by (.+)$/i.exec(t);
  if (own) {
    const contact = statusWord(own[1]!);
    if (contact) return { contact, by: own[2]!.trim() };
  }
  const lead = /^(seen alone|not seen|no contact|yes|no|seen|y|n)\b\s*[-–—:,;/]?\s*(.+)$/i.exec(t);
  if (lead) {
    const contact = statusWord(lead[1]!)!;
    return { contact, by: lead[2]!.replace(/^by\s+/i, '').trim() };
  }
  return { contact: contactFromWords(t), by: t };
}
