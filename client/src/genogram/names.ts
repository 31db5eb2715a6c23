import type { Person } from '../../../shared/people.js';
import { reportLabels } from '../../../shared/pseudonymise/labels.js';
import { LINE_LABELS, PARTNERSHIP_LABELS, CHILD_LINK_LABELS, ageOf, yearOfDeath, type Family, type FamilyPerson } from '../../../shared/genogram/index.js';
import type { SymbolFacts } from './PersonSymbol.js';

/** Whether the genogram shows people's real names or the report labels used in anything that leaves the review. */
export type LabelMode = 'names' | 'labels';

/** A function giving the name to show for a person id, in the chosen mode. */
export type NameOf = (id: string) => string;

/** Builds the name function: real names (falling back to the label for a blank name), or report labels. */
export function nameResolver(register: readonly Person[], childPseudonym: string, mode: LabelMode): NameOf {
  const labels = reportLabels(register, childPseudonym);
  const byId = new Map(register.map((p) => [p.id, p]));
  return (id) => {
    const label = labels.get(id) ?? 'Person';
    if (mode === 'labels') return label;
    return byId.get(id)?.name.trim() || label;
  };
}

/** The second line under a person's name: their relationship (with real names) and year of death. */
export function metaLine(p: FamilyPerson, mode: LabelMode): string {
  const died = yearOfDeath(p);
  return [mode === 'names' ? p.relationship : '', died !== null ? `d. ${died}` : ''].filter(Boolean).join(' · ');
}

/** What a person's symbol shows. */
export function symbolFacts(p: FamilyPerson, todayIso: string): SymbolFacts {
  return {
    gender: p.gender,
    birthStatus: p.birthStatus,
    isSubject: p.isSubject,
    deceased: p.dateOfDeath !== null,
    placeholder: p.placeholder,
    age: ageOf(p, todayIso),
  };
}

/** A sentence naming a relationship between people, for lists and announcements. */
export function describeRelationshipLine(family: Family, relId: string, nameOf: NameOf): string {
  const p = family.partnerships.find((r) => r.id === relId);
  if (p) return `${nameOf(p.a)} and ${nameOf(p.b)}: ${PARTNERSHIP_LABELS[p.kind].toLowerCase()}`;
  const l = family.childLinks.find((r) => r.id === relId);
  if (l) return `${nameOf(l.child)}, child of ${l.parentIds.map(nameOf).join(' and ')}: ${CHILD_LINK_LABELS[l.kind].toLowerCase()}`;
  const line = family.lines.find((r) => r.id === relId);
  if (line) return `${LINE_LABELS[line.kind]}${line.directed ? ` from ${nameOf(line.from)} to ${nameOf(line.to)}` : ` between ${nameOf(line.from)} and ${nameOf(line.to)}`}`;
  const t = family.twins.find((r) => r.id === relId);
  if (t) return `${nameOf(t.a)} and ${nameOf(t.b)}: ${t.identical ? 'identical twins' : 'twins'}`;
  return 'Relationship';
}
