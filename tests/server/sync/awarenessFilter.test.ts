import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MAX_AWARENESS_STATE_CHARS, filterAwarenessUpdate } from '../../../server/sync/awarenessFilter.js';

/** An awareness update as a client would send it, with the given states (raw JSON strings). */
function rawUpdate(states: { clientId: number; clock: number; json: string }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, states.length);
  for (const s of states) {
    encoding.writeVarUint(e, s.clientId);
    encoding.writeVarUint(e, s.clock);
    encoding.writeVarString(e, s.json);
  }
  return encoding.toUint8Array(e);
}

/** The states an update carries, decoded. */
function states(update: Uint8Array): Map<number, unknown> {
  const d = decoding.createDecoder(update);
  const out = new Map<number, unknown>();
  const n = decoding.readVarUint(d);
  for (let i = 0; i < n; i++) {
    const id = decoding.readVarUint(d);
    decoding.readVarUint(d);
    out.set(id, JSON.parse(decoding.readVarString(d)));
  }
  return out;
}

const me = { name: 'Server Name' };
const all = () => true;

describe('filterAwarenessUpdate', () => {
  it('replaces the claimed user with the session identity and keeps other fields', () => {
    const doc = new Y.Doc();
    const aw = new awarenessProtocol.Awareness(doc);
    aw.setLocalState({ user: { name: 'Someone Else', colour: 'red' }, editing: 'row-1' });
    const out = filterAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(aw, [doc.clientID]), me, all);
    expect(out!.clientIds).toEqual([doc.clientID]);
    expect(states(out!.update).get(doc.clientID)).toEqual({ user: { name: 'Server Name' }, editing: 'row-1' });
    // The rewritten update is still a valid awareness update.
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(other, out!.update, null);
    expect(other.getStates().get(doc.clientID)).toEqual({ user: { name: 'Server Name' }, editing: 'row-1' });
  });

  it('drops states for client ids the connection does not own, and keeps a removal (null) for its own', () => {
    const out = filterAwarenessUpdate(
      rawUpdate([
        { clientId: 1, clock: 1, json: '{"a":1}' },
        { clientId: 2, clock: 3, json: 'null' },
      ]),
      me,
      (id) => id === 2,
    );
    expect(out!.clientIds).toEqual([2]);
    expect(states(out!.update)).toEqual(new Map([[2, null]]));
    expect(filterAwarenessUpdate(rawUpdate([{ clientId: 1, clock: 1, json: '{}' }]), me, () => false)).toBeNull();
  });

  it('drops non-object states, reserved keys and oversized states', () => {
    const out = filterAwarenessUpdate(
      rawUpdate([
        { clientId: 1, clock: 1, json: '[1,2]' },
        { clientId: 2, clock: 1, json: '"text"' },
        { clientId: 3, clock: 1, json: '{"x":{"__proto__":{"polluted":true}}}' },
        { clientId: 4, clock: 1, json: JSON.stringify({ editing: 'x'.repeat(MAX_AWARENESS_STATE_CHARS) }) },
        { clientId: 5, clock: 1, json: '{"constructor":1}' },
        { clientId: 6, clock: 1, json: '{"editing":"ok"}' },
      ]),
      me,
      all,
    );
    expect(out!.clientIds).toEqual([6]);
  });

  it('throws on a malformed update (the caller closes only that socket)', () => {
    expect(() => filterAwarenessUpdate(new Uint8Array([1, 7, 1, 5, 123]), me, all)).toThrow();
    expect(() => filterAwarenessUpdate(rawUpdate([{ clientId: 1, clock: 1, json: '{not json' }]), me, all)).toThrow();
  });
});
