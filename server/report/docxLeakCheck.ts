import { findLeaks, type Leak, type LeakCheckOptions } from '../../shared/pseudonymise/index.js';
import type { Person } from '../../shared/people.js';
import { docxTexts } from './docxText.js';

/** Words for a leak's kind in a refusal: what it is, never the value. */
export function describeLeak(kind: Leak['kind']): string {
  const names = ['full-name', 'alias', 'first-name', 'surname', 'initials', 'address', 'date-of-birth', 'nhs-number'];
  return names.includes(kind) ? `a real ${kind.replace(/-/g, ' ')} from the people register` : `an identifier (${kind.replace(/-/g, ' ')})`;
}

/** A problem that blocks a download: a leaked identifier, or document hygiene (author, comments, tracked changes, rsids). */
export type DocxProblem = { place: string; problem: string };

/**
 * The check run on the exact bytes about to be downloaded. It scans the body, headers, footers,
 * footnotes, endnotes, comments, document properties and alt text, with each paragraph's runs joined,
 * for every real name, alias, date of birth, address and NHS number in the register; and it refuses a
 * file with comments, tracked changes, revision ids, or properties naming anyone but the partnership.
 */
export function checkDocx(bytes: Uint8Array, people: readonly Person[], partnership: string, opts: LeakCheckOptions = {}): DocxProblem[] {
  const { texts, parts } = docxTexts(bytes);
  const leaks: Leak[] = findLeaks(
    texts.map((t) => ({ place: `${t.part} paragraph ${t.paragraph}`, text: t.text })),
    people,
    opts,
  );
  const problems: DocxProblem[] = leaks.map((l) => ({ place: l.place, problem: describeLeak(l.kind) }));
  for (const [part, xml] of Object.entries(parts)) {
    if (/w:rsid\w*=/.test(xml)) problems.push({ place: part, problem: 'revision ids (rsids)' });
    if (/<w:(ins|del)\b/.test(xml)) problems.push({ place: part, problem: 'tracked changes' });
    if (/comments/.test(part) && /<w:comment\b/.test(xml)) problems.push({ place: part, problem: 'comments' });
  }
  const core = parts['docProps/core.xml'] ?? '';
  for (const tag of ['dc:creator', 'cp:lastModifiedBy']) {
    const v = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(core)?.[1] ?? '';
    if (v && v !== partnership) problems.push({ place: 'docProps/core.xml', problem: `${tag} names someone other than the partnership` });
  }
  const company = /<Company>([^<]*)<\/Company>/.exec(parts['docProps/app.xml'] ?? '')?.[1] ?? '';
  if (company && company !== partnership) problems.push({ place: 'docProps/app.xml', problem: 'a company other than the partnership' });
  return problems;
}
