import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ackForDoc, ackForUpdate, decodeDurable, emptyDurable, encodeDurable, isDurable, mergeDurable } from '../../../shared/sync/durable.js';

/** Collects every update `doc` emits while `edit` runs. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const out: Uint8Array[] = [];
  const on = (u: Uint8Array) => out.push(u);
  doc.on('update', on);
  edit();
  doc.off('update', on);
  return out;
}

describe('durable acknowledgement', () => {
  it('covers an update once the server doc holds it, structs and deletions alike', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    const [set, del] = updatesOf(client, () => {
      client.getText('t').insert(0, 'hello');
      client.getText('t').delete(0, 2);
    });
    expect(isDurable(emptyDurable(), set!)).toBe(false);
    Y.applyUpdate(server, set!);
    const afterSet = decodeDurable(encodeDurable(ackForUpdate(server, set!)));
    expect(isDurable(afterSet, set!)).toBe(true);
    // A deletion has no clock of its own: only the delete set says it is durable.
    expect(isDurable(afterSet, del!)).toBe(false);
    Y.applyUpdate(server, del!);
    const both = mergeDurable(afterSet, decodeDurable(encodeDurable(ackForUpdate(server, del!))));
    expect(isDurable(both, del!)).toBe(true);
    expect(isDurable(both, Y.encodeStateAsUpdate(client))).toBe(true);
  });

  it('claims nothing the server holds back as pending', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    const [first, second] = updatesOf(client, () => {
      client.getText('t').insert(0, 'a');
      client.getText('t').insert(1, 'b');
    });
    Y.applyUpdate(server, second!); // its dependency is missing, so the server keeps it pending
    expect(isDurable(ackForUpdate(server, second!), second!)).toBe(false);
    Y.applyUpdate(server, first!);
    expect(isDurable(ackForDoc(server), second!)).toBe(true);
  });

  it('never covers content the server lacks, and merging keeps the higher clock', () => {
    const a = new Y.Doc();
    const server = new Y.Doc();
    a.getMap('m').set('k', 1);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(a));
    const early = ackForDoc(server);
    a.getMap('m').set('k', 2);
    const later = Y.encodeStateAsUpdate(a);
    expect(isDurable(early, later)).toBe(false);
    Y.applyUpdate(server, later);
    expect(isDurable(mergeDurable(ackForDoc(server), early), later)).toBe(true);
    expect(() => decodeDurable(new Uint8Array([255, 255, 255]))).toThrow();
  });
});
