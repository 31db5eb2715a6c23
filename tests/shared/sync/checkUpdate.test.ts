import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { checkUpdate } from '../../../shared/sync/checkUpdate.js';
import { DOC_SHAPES, MAX_DELETABLE_NEST_DEPTH, MAX_PLAIN_VALUE_SIZE, MAX_TEXT_FIELD_CHARS, isPlainValue } from '../../../shared/sync/docShapes.js';
import { MAX_ORG_CHANGES } from '../../../shared/chronology/limits.js';

const people = DOC_SHAPES.people;
const chronology = DOC_SHAPES.chronology;

/** The update a change makes to a copy of `base`, i.e. what a client holding `base` would send. */
function edit(base: Y.Doc, change: (d: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  let out: Uint8Array | null = null;
  copy.on('update', (u: Uint8Array) => {
    out = out ? Y.mergeUpdates([out, u]) : u;
  });
  copy.transact(() => change(copy));
  if (!out) throw new Error('no change');
  return out;
}

function person(d: Y.Doc, id: string, name: string): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  d.getMap('people').set(id, m);
  m.set('name', name);
  return m;
}

describe('checkUpdate', () => {
  it('accepts records of plain values and collaborative text, and names the clients that introduce structs', () => {
    const doc = new Y.Doc();
    const u = edit(doc, (d) => {
      const p = person(d, 'p1', 'Alex');
      p.set('aliases', ['Al']);
      const t = new Y.Text('notes');
      p.set('notes', t);
      t.insert(0, 'more ');
    });
    const v = checkUpdate(doc, u, people);
    expect(v.ok).toBe(true);
    Y.applyUpdate(doc, u);
    // An edit inside the text, placed through its neighbours, is checked against the doc's structs.
    const u2 = edit(doc, (d) => ((d.getMap('people').get('p1') as Y.Map<unknown>).get('notes') as Y.Text).insert(3, 'x'));
    expect(checkUpdate(doc, u2, people)).toMatchObject({ ok: true });
  });

  it('refuses unknown roots, values that are not records, nested maps and server roots', () => {
    const doc = new Y.Doc();
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => d.getMap('nodes').set('a', 1)),
        people,
      ),
    ).toMatchObject({ ok: false, reason: 'shape' });
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => d.getMap('people').set('a', 'text')),
        people,
      ),
    ).toMatchObject({ ok: false, reason: 'shape' });
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => d.getArray('people').insert(0, [1])),
        people,
      ),
    ).toMatchObject({ ok: false, reason: 'shape' });
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => person(d, 'p', 'x').set('deep', new Y.Map())),
        people,
      ),
    ).toMatchObject({ ok: false, reason: 'shape' });
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => d.getMap('clientOwners').set('1', 'u')),
        people,
      ),
    ).toMatchObject({ ok: false, reason: 'shape' });
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => d.getMap('clientOwners').set('1', 'u')),
        people,
        { server: true },
      ),
    ).toMatchObject({ ok: true });
  });

  it(`refuses deleting or overwriting a stored nest deeper than MAX_DELETABLE_NEST_DEPTH (${MAX_DELETABLE_NEST_DEPTH}), but not a shallow malformed record`, () => {
    // Stored before updates were checked: applied here without the checker.
    const doc = new Y.Doc();
    const nest = (d: Y.Doc, id: string, depth: number) => {
      let m = person(d, id, 'x');
      for (let i = 0; i < depth; i++) {
        const n = new Y.Map<unknown>();
        m.set('n', n);
        m = n;
      }
    };
    Y.applyUpdate(
      doc,
      edit(doc, (d) => {
        nest(d, 'deep', MAX_DELETABLE_NEST_DEPTH + 1);
        nest(d, 'shallow', 3);
      }),
    );
    const refused = { ok: false, reason: 'shape', detail: 'deletes a type nested too deep to delete safely' };
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => d.getMap('people').delete('deep')),
        people,
      ),
    ).toEqual(refused);
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => person(d, 'deep', 'replaced')),
        people,
      ),
    ).toEqual(refused);
    // Cleaning up a malformed record that is safe to delete stays possible.
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => d.getMap('people').delete('shallow')),
        people,
      ),
    ).toMatchObject({ ok: true });
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => person(d, 'shallow', 'replaced')),
        people,
      ),
    ).toMatchObject({ ok: true });
  });

  it('refuses a deep nest however it is built: in one update, or inside a record already held', () => {
    const doc = new Y.Doc();
    const nest = edit(doc, (d) => {
      let m = person(d, 'p1', 'x');
      for (let i = 0; i < 5_000; i++) {
        const n = new Y.Map<unknown>();
        m.set('n', n);
        m = n;
      }
    });
    expect(checkUpdate(doc, nest, people)).toMatchObject({ ok: false, reason: 'shape' });
    Y.applyUpdate(
      doc,
      edit(doc, (d) => person(d, 'p1', 'x')),
    );
    const inner = edit(doc, (d) => (d.getMap('people').get('p1') as Y.Map<unknown>).set('n', new Y.Map()));
    expect(checkUpdate(doc, inner, people)).toMatchObject({ ok: false, reason: 'shape' });
  });

  it('refuses oversized values, text and keys, and values that are not JSON', () => {
    const doc = new Y.Doc();
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => person(d, 'p', 'x'.repeat(MAX_PLAIN_VALUE_SIZE + 1))),
        people,
      ),
    ).toMatchObject({ ok: false, reason: 'shape' });
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => person(d, 'k'.repeat(65), 'x')),
        people,
      ),
    ).toMatchObject({ ok: false, reason: 'shape' });
    expect(
      checkUpdate(
        doc,
        edit(doc, (d) => person(d, 'p', 'x').set('b', new Uint8Array(3))),
        people,
      ),
    ).toMatchObject({ ok: false, reason: 'shape' });
    const longText = edit(doc, (d) => {
      const t = new Y.Text();
      person(d, 'p', 'x').set('notes', t);
      t.insert(0, 'y'.repeat(MAX_TEXT_FIELD_CHARS + 1));
    });
    expect(checkUpdate(doc, longText, people)).toMatchObject({ ok: false, reason: 'cap' });
    // A Y.Text only in a field its root names as text; the name stays plain.
    const textName = edit(doc, (d) => {
      person(d, 'q', 'x').set('name', new Y.Text('Alex'));
    });
    expect(checkUpdate(doc, textName, people)).toMatchObject({ ok: false, reason: 'shape' });
    const atCap = edit(doc, (d) => {
      const t = new Y.Text();
      person(d, 'r', 'x').set('notes', t);
      t.insert(0, 'y'.repeat(MAX_TEXT_FIELD_CHARS));
    });
    expect(checkUpdate(doc, atCap, people)).toMatchObject({ ok: true });
    expect(isPlainValue({ a: { b: { c: { d: { e: 1 } } } } })).toBe(false);
    expect(isPlainValue({ precision: 'day', year: 2020, month: 1, day: 2 })).toBe(true);
  });

  it('refuses an update that takes a root past its entry cap, counting what the doc holds', () => {
    const doc = new Y.Doc();
    const fill = (n: number, from: number) =>
      edit(doc, (d) => {
        for (let i = from; i < from + n; i++) {
          const m = new Y.Map();
          d.getMap('orgChanges').set(`c${i}`, m);
          m.set('change', 'x');
        }
      });
    const first = fill(MAX_ORG_CHANGES - 1, 0);
    expect(checkUpdate(doc, first, chronology).ok).toBe(true);
    Y.applyUpdate(doc, first);
    expect(checkUpdate(doc, fill(2, 10_000), chronology)).toMatchObject({ ok: false, reason: 'cap' });
    expect(checkUpdate(doc, fill(1, 10_000), chronology).ok).toBe(true);
  });

  it('reports missing dependencies instead of letting Yjs keep them pending', () => {
    const doc = new Y.Doc();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    person(source, 'p1', 'a');
    (source.getMap('people').get('p1') as Y.Map<unknown>).set('name', 'b');
    expect(checkUpdate(doc, updates[1]!, people)).toMatchObject({ ok: false, reason: 'missing' });
    const del = edit(source, (d) => d.getMap('people').delete('p1'));
    expect(checkUpdate(doc, del, people)).toMatchObject({ ok: false, reason: 'missing' });
    Y.applyUpdate(doc, updates[0]!);
    expect(checkUpdate(doc, updates[1]!, people).ok).toBe(true);
  });

  it('refuses a corrupt update as a whole: valid structs followed by a corrupt delete set', () => {
    const doc = new Y.Doc();
    const good = edit(doc, (d) => person(d, 'p1', 'a'));
    // Cut the trailing delete set (an empty one is a single 0 byte) and put a truncated one in its place.
    const corrupt = new Uint8Array([...good.subarray(0, good.length - 1), 1, 7]);
    expect(checkUpdate(doc, corrupt, people)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(doc.getMap('people').size).toBe(0);
  });
});

describe('docExists', () => {
  it('accepts every fixed kind, and an agency chronology only for an agency of that review', async () => {
    const { docExists } = await import('../../../shared/docAccess.js');
    const reviewId = 'R'.repeat(20);
    expect(docExists({ reviewId, kind: 'people' }, null)).toBe(true);
    expect(docExists({ reviewId, kind: 'chronology', agencyId: 'A'.repeat(20) }, null)).toBe(false);
    expect(docExists({ reviewId, kind: 'chronology', agencyId: 'A'.repeat(20) }, { reviewId: 'O'.repeat(20) })).toBe(false);
    expect(docExists({ reviewId, kind: 'chronology', agencyId: 'A'.repeat(20) }, { reviewId })).toBe(true);
  });
});
