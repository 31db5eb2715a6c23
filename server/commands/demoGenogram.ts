import * as Y from 'yjs';
import { newId } from '../../shared/ids.js';
import { docName } from '../../shared/docNames.js';
import { writeHousehold, writeRelationship } from '../../shared/genogram/genogramDoc.js';
import type { ChildLinkKind, LineKind, PartnershipKind } from '../../shared/genogram/model.js';
import type { DocStore } from '../storage/types.js';

/** Couples in the demo family, by register name; children hang from the couple's line. */
const COUPLES: { a: string; b: string; kind: PartnershipKind; children: string[] }[] = [
  { a: 'Graham Thornbury', b: 'Janet Thornbury', kind: 'married', children: ['Kerry Thornbury'] },
  { a: 'Dean Walsh', b: 'Kerry Thornbury', kind: 'separated', children: ['Maisie Thornbury'] },
  { a: 'Unknown', b: 'Kerry Thornbury', kind: 'ended', children: ['Tyler Thornbury'] },
  { a: 'Lee Parrish', b: 'Kerry Thornbury', kind: 'cohabiting', children: ['Ruby Parrish'] },
];

/** Children known through one parent only (no paternal grandfather is known to agencies). */
const SINGLE_PARENTS: { parent: string; child: string; kind: ChildLinkKind }[] = [{ parent: 'Sandra Walsh', child: 'Dean Walsh', kind: 'birth' }];

/** Relationship lines, drawn from the first person to the second. */
const LINES: { from: string; to: string; kind: LineKind; directed: boolean }[] = [
  { from: 'Lee Parrish', to: 'Kerry Thornbury', kind: 'domestic-abuse', directed: true },
  { from: 'Kerry Thornbury', to: 'Janet Thornbury', kind: 'close', directed: false },
  { from: 'Dean Walsh', to: 'Kerry Thornbury', kind: 'conflict', directed: false },
];

/** Who lives with whom. Labels say whose home it is, never where it is. */
const HOUSEHOLDS: { label: string; members: string[] }[] = [
  { label: 'Mother\u2019s household', members: ['Kerry Thornbury', 'Lee Parrish', 'Tyler Thornbury', 'Maisie Thornbury', 'Ruby Parrish'] },
  { label: 'Maternal grandmother\u2019s home', members: ['Janet Thornbury'] },
];

/**
 * Draws the demo family's genogram: couples with their children, a lone-parent link, abuse and
 * relationship lines and two households, written with the same rule-checked writers the app uses.
 */
export async function seedDemoGenogram(docs: DocStore, reviewId: string, personIds: ReadonlyMap<string, string>): Promise<void> {
  const id = (name: string) => personIds.get(name)!;
  const everyone = new Set(personIds.values());
  const doc = new Y.Doc();
  for (const c of COUPLES) {
    const couple = newId();
    writeRelationship(doc, { type: 'partnership', id: couple, a: id(c.a), b: id(c.b), kind: c.kind }, everyone);
    for (const child of c.children)
      writeRelationship(doc, { type: 'parent-child', id: newId(), parentType: 'partnership', parent: couple, child: id(child), kind: 'birth' }, everyone);
  }
  for (const s of SINGLE_PARENTS)
    writeRelationship(doc, { type: 'parent-child', id: newId(), parentType: 'person', parent: id(s.parent), child: id(s.child), kind: s.kind }, everyone);
  for (const l of LINES) writeRelationship(doc, { type: 'line', id: newId(), from: id(l.from), to: id(l.to), kind: l.kind, directed: l.directed }, everyone);
  for (const h of HOUSEHOLDS) writeHousehold(doc, { id: newId(), label: h.label, memberIds: h.members.map(id) }, everyone);
  await docs.append(docName({ reviewId, kind: 'genogram' }), Y.encodeStateAsUpdate(doc));
  doc.destroy();
}
