import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPeople } from '../../../shared/peopleDoc.js';
import { GenogramRuleError, buildFamily, readGenogram, type ParentChild, type Partnership } from '../../../shared/genogram/index.js';
import { addRelative, type NewPerson } from '../../../client/src/genogram/actions.js';
import { GenogramUndo, type GenogramDocs } from '../../../client/src/genogram/undo.js';

const fields = (name: string, over: Partial<NewPerson> = {}): NewPerson => ({
  name,
  gender: 'unknown',
  dateOfBirth: null,
  dateOfDeath: null,
  relationship: '',
  isSubject: false,
  birthStatus: 'born',
  ...over,
});

/** Fresh people and genogram documents. */
function docs(): GenogramDocs {
  return { people: new Y.Doc(), genogram: new Y.Doc() };
}

/** The family as the page derives it. */
const familyOf = (d: GenogramDocs) => buildFamily(readPeople(d.people), readGenogram(d.genogram));

/** Adds a relative and returns the new person's id. */
function add(d: GenogramDocs, plan: Parameters<typeof addRelative>[1], f: NewPerson): string {
  return addRelative(d, plan, f, familyOf(d), 'Child T');
}

describe('adding people and relatives', () => {
  it('links someone already in the register as a partner, a parent or a child, without adding anyone', () => {
    const d = docs();
    const jo = add(d, { kind: 'person' }, fields('Jo'));
    const sam = add(d, { kind: 'person' }, fields('Sam'));
    const kim = add(d, { kind: 'person' }, fields('Kim'));
    const gran = add(d, { kind: 'person' }, fields('Gran'));
    expect(add(d, { kind: 'partner', of: jo, partnership: 'married', existingId: sam }, fields(''))).toBe(sam);
    const couple = readGenogram(d.genogram).relationships.find((r): r is Partnership => r.type === 'partnership')!;
    expect(couple).toMatchObject({ a: jo, b: sam });
    add(d, { kind: 'child', of: jo, partnershipId: couple.id, link: 'birth', existingId: kim }, fields(''));
    add(d, { kind: 'parent', of: jo, link: 'birth', coupleWith: null, partnership: 'married', existingId: gran }, fields(''));
    expect(readPeople(d.people)).toHaveLength(4);
    const links = readGenogram(d.genogram).relationships.filter((r): r is ParentChild => r.type === 'parent-child');
    expect(links).toContainEqual(expect.objectContaining({ parentType: 'partnership', parent: couple.id, child: kim }));
    expect(links).toContainEqual(expect.objectContaining({ parentType: 'person', parent: gran, child: jo }));
    // The rules still apply: Jo cannot become her own grandmother's parent.
    expect(() => add(d, { kind: 'child', of: jo, partnershipId: null, link: 'birth', existingId: gran }, fields(''))).toThrow(GenogramRuleError);
    expect(() => add(d, { kind: 'partner', of: jo, partnership: 'married', existingId: 'gone_xxxxxxxxxxxx' }, fields(''))).toThrow(GenogramRuleError);
  });

  it('adds a person to the register with a suggested report label', () => {
    const d = docs();
    const id = add(d, { kind: 'person' }, fields('Jo Bloggs', { relationship: 'Mother', gender: 'female', dateOfBirth: '1990-02-14' }));
    expect(readPeople(d.people)).toEqual([expect.objectContaining({ id, name: 'Jo Bloggs', reportLabel: 'Mother', gender: 'female' })]);
    expect(readGenogram(d.genogram).relationships).toEqual([]);
  });

  it('adds a partner as a couple, and a child who hangs from the couple', () => {
    const d = docs();
    const jo = add(d, { kind: 'person' }, fields('Jo'));
    const sam = add(d, { kind: 'partner', of: jo, partnership: 'cohabiting' }, fields('Sam'));
    const couple = readGenogram(d.genogram).relationships.find((r): r is Partnership => r.type === 'partnership')!;
    expect(couple).toMatchObject({ a: jo, b: sam, kind: 'cohabiting' });
    const alex = add(d, { kind: 'child', of: sam, partnershipId: couple.id, link: 'adopted' }, fields('Alex', { birthStatus: 'pregnancy' }));
    expect(readGenogram(d.genogram).relationships).toContainEqual(
      expect.objectContaining({ type: 'parent-child', parentType: 'partnership', parent: couple.id, child: alex, kind: 'adopted' }),
    );
    expect(readGenogram(d.genogram).birthStatus.get(alex)).toBe('pregnancy');
  });

  it('turns a lone parent into a couple when the second parent is added', () => {
    const d = docs();
    const kid = add(d, { kind: 'person' }, fields('Kid'));
    const mum = add(d, { kind: 'parent', of: kid, link: 'birth', coupleWith: null, partnership: 'married' }, fields('Mum'));
    const before = readGenogram(d.genogram).relationships.find((r): r is ParentChild => r.type === 'parent-child')!;
    expect(before).toMatchObject({ parentType: 'person', parent: mum, child: kid });
    const dad = add(d, { kind: 'parent', of: kid, link: 'birth', coupleWith: mum, partnership: 'separated' }, fields('Dad'));
    const rels = readGenogram(d.genogram).relationships;
    const couple = rels.find((r): r is Partnership => r.type === 'partnership')!;
    expect([couple.a, couple.b].sort()).toEqual([mum, dad].sort());
    // The same link now hangs from the couple.
    expect(rels.filter((r) => r.type === 'parent-child')).toEqual([{ ...before, parentType: 'partnership', parent: couple.id }]);
  });

  it('adds a sibling to the same parents, or to an unknown parent when none are drawn', () => {
    const d = docs();
    const kid = add(d, { kind: 'person' }, fields('Kid'));
    const sib = add(d, { kind: 'sibling', of: kid, parentRef: null }, fields('Sib'));
    const people = readPeople(d.people);
    const unknown = people.find((p) => p.name === 'Unknown')!;
    expect(unknown).toBeDefined();
    expect(familyOf(d).byId.get(unknown.id)!.placeholder).toBe(true);
    const links = readGenogram(d.genogram).relationships.filter((r): r is ParentChild => r.type === 'parent-child');
    expect(links.map((l) => [l.parent, l.child]).sort()).toEqual(
      [
        [unknown.id, kid],
        [unknown.id, sib],
      ].sort(),
    );
    const third = add(d, { kind: 'sibling', of: sib, parentRef: `person:${unknown.id}` }, fields('Third'));
    expect(readPeople(d.people).filter((p) => p.name === 'Unknown')).toHaveLength(1);
    expect(readGenogram(d.genogram).relationships).toContainEqual(expect.objectContaining({ parent: unknown.id, child: third }));
  });

  it('writes nothing at all when a rule refuses part of the change', () => {
    const d = docs();
    const kid = add(d, { kind: 'person' }, fields('Kid'));
    add(d, { kind: 'parent', of: kid, link: 'birth', coupleWith: null, partnership: 'married' }, fields('Mum'));
    add(d, { kind: 'parent', of: kid, link: 'birth', coupleWith: null, partnership: 'married' }, fields('Dad'));
    const people = Y.encodeStateAsUpdate(d.people);
    const genogram = Y.encodeStateAsUpdate(d.genogram);
    expect(() => add(d, { kind: 'parent', of: kid, link: 'birth', coupleWith: null, partnership: 'married' }, fields('Third'))).toThrow(GenogramRuleError);
    expect(Y.encodeStateAsUpdate(d.people)).toEqual(people);
    expect(Y.encodeStateAsUpdate(d.genogram)).toEqual(genogram);
    // A foster carer is fine.
    add(d, { kind: 'parent', of: kid, link: 'foster', coupleWith: null, partnership: 'married' }, fields('Carer'));
    expect(readPeople(d.people)).toHaveLength(4);
  });
});

describe('undo and redo of one\u2019s own changes', () => {
  it('undoes a whole action across both documents, and redoes it', () => {
    const d = docs();
    const undo = new GenogramUndo(d);
    let jo = '';
    undo.record((x) => {
      jo = add(x, { kind: 'person' }, fields('Jo'));
    });
    undo.record((x) => {
      add(x, { kind: 'partner', of: jo, partnership: 'married' }, fields('Sam'));
    });
    expect(readPeople(d.people)).toHaveLength(2);
    expect(undo.canUndo).toBe(true);
    undo.undo();
    expect(readPeople(d.people).map((p) => p.name)).toEqual(['Jo']);
    expect(readGenogram(d.genogram).relationships).toEqual([]);
    expect(undo.canRedo).toBe(true);
    undo.redo();
    expect(readPeople(d.people)).toHaveLength(2);
    expect(readGenogram(d.genogram).relationships).toHaveLength(1);
    undo.destroy();
  });

  it('leaves a colleague\u2019s change alone', () => {
    const mine = docs();
    const theirs = docs();
    const sync = () => {
      for (const k of ['people', 'genogram'] as const) {
        Y.applyUpdate(theirs[k], Y.encodeStateAsUpdate(mine[k]), 'remote');
        Y.applyUpdate(mine[k], Y.encodeStateAsUpdate(theirs[k]), 'remote');
      }
    };
    const undo = new GenogramUndo(mine);
    undo.record((x) => {
      add(x, { kind: 'person' }, fields('Mine'));
    });
    sync();
    add(theirs, { kind: 'person' }, fields('Theirs'));
    sync();
    expect(readPeople(mine.people)).toHaveLength(2);
    undo.undo();
    expect(readPeople(mine.people).map((p) => p.name)).toEqual(['Theirs']);
    expect(undo.canUndo).toBe(false);
    undo.undo(); // nothing of mine is left to undo
    expect(readPeople(mine.people).map((p) => p.name)).toEqual(['Theirs']);
    undo.destroy();
  });

  it('records nothing when the action throws', () => {
    const d = docs();
    const undo = new GenogramUndo(d);
    expect(() =>
      undo.record(() => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(undo.canUndo).toBe(false);
    undo.destroy();
  });
});
