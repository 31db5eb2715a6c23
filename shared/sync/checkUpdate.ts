import * as Y from 'yjs';
import { MAX_DELETABLE_NEST_DEPTH, MAX_KEY_CHARS, MAX_RECORD_FIELDS, MAX_TEXT_FIELD_CHARS, SERVER_ROOTS, isPlainValue, type RootShape } from './docShapes.js';

/**
 * Checks one incoming Yjs update against a document before it is applied, without applying it: the
 * update is decoded in full (so a corrupt tail refuses the whole update, and nothing is applied), and
 * every struct the document does not hold yet is placed: its container is found in the update or in the
 * document, and it must fit the document's shape (docShapes.ts). Entry counts are checked against what
 * the document holds plus what the update adds.
 *
 * The verdict:
 * - `ok`, with the client ids that introduce new structs (the server checks who owns them), and what
 *   the decoding found that a caller would otherwise decode the update again for: every client id with
 *   structs in it and its delete set (a durable acknowledgement is built from these, durable.ts);
 * - `missing`: the update depends on structs the document does not hold yet (Yjs would keep it
 *   pending); the caller may hold it for a while and retry, but must not apply it;
 * - `shape` or `cap`: refused; `malformed`: it does not decode.
 */
export type UpdateVerdict =
  | { ok: true; clients: number[]; structClients: number[]; ds: ReturnType<typeof Y.createDeleteSet> }
  | { ok: false; reason: 'malformed' | 'shape' | 'cap' | 'missing'; detail: string };

/** Where a struct sits once integrated. `gc` means Yjs will integrate it as garbage (its parent is gone). */
type Container = { t: 'root'; name: string } | { t: 'type'; depth: number; root: string; type: 'map' | 'text' | 'other'; key: string; doc: AnyType | null; id: Y.ID } | { t: 'gc' };

type Placed = { container: Container; sub: string | null };

/** The delete set of a decoded update: ranges of deleted clocks per client. */
type DeleteSet = { clients: Map<number, { clock: number; len: number }[]> };

/** Any type, whatever its events. */
type AnyType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

class Refusal extends Error {
  constructor(
    readonly reason: 'shape' | 'cap' | 'missing',
    detail: string,
  ) {
    super(detail);
  }
}

/** Checks `update` for a document of the given root shapes; see UpdateVerdict. Pure: neither argument is changed. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, roots: Readonly<Record<string, RootShape>>, opts: { server?: boolean } = {}): UpdateVerdict {
  let decoded: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch {
    return { ok: false, reason: 'malformed', detail: 'update does not decode' };
  }
  try {
    const checker = new Checker(doc, decoded, opts.server ? { ...roots, ...SERVER_ROOTS } : roots);
    return { ok: true, clients: checker.run(), structClients: checker.structClients(), ds: decoded.ds as unknown as ReturnType<typeof Y.createDeleteSet> };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, reason: err.reason, detail: err.message };
    return { ok: false, reason: 'malformed', detail: 'update does not decode' };
  }
}

class Checker {
  private readonly byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  private readonly placed = new Map<Y.Item, Placed>();
  private rootNames: Map<AnyType, string> | null = null;
  /** New keys per root (root entry counts) and per record (field counts), and text added per Y.Text. */
  private readonly newRootKeys = new Map<string, Set<string>>();
  private readonly newRecordKeys = new Map<string, { type: AnyType | null; keys: Set<string> }>();
  private readonly textAdded = new Map<string, { type: AnyType | null; chars: number }>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly update: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: DeleteSet },
    private readonly roots: Readonly<Record<string, RootShape>>,
  ) {
    for (const s of update.structs) {
      let list = this.byClient.get(s.id.client);
      if (!list) {
        list = [];
        this.byClient.set(s.id.client, list);
      }
      list.push(s);
    }
  }

  /** Every client id with structs in the update, in the update's order. */
  structClients(): number[] {
    return [...this.byClient.keys()];
  }

  run(): number[] {
    const clients: number[] = [];
    for (const [client, structs] of this.byClient) {
      const known = Y.getState(this.doc.store, client);
      let introduces = false;
      for (const s of structs) {
        if (s.id.clock + s.length <= known) continue;
        // A gap before the first new struct, or a skipped range, is a dependency the doc lacks.
        if (!introduces && s.id.clock > known) throw new Refusal('missing', "gap in a client's structs");
        if (s instanceof Y.Skip) throw new Refusal('missing', 'skipped range');
        introduces = true;
        if (s instanceof Y.Item) this.check(s);
      }
      if (introduces) clients.push(client);
    }
    this.checkDeletes();
    this.checkDeletedDepth();
    this.checkCounts();
    return clients;
  }

  private check(item: Y.Item): void {
    // Yjs integrates an item only once its neighbours and parent are held; a reference forward within
    // the same client would make it throw part-way through a transaction.
    for (const ref of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (!ref) continue;
      if (ref.client === item.id.client && ref.clock >= item.id.clock) throw new Refusal('shape', 'reference forward');
      this.requireKnown(ref);
    }
    const { container, sub } = this.place(item);
    if (container.t === 'gc') return;
    if (sub !== null && sub.length > MAX_KEY_CHARS) throw new Refusal('shape', 'key too long');
    const content = item.content;
    const deleted = content instanceof Y.ContentDeleted;
    if (container.t === 'root') {
      const shape = this.roots[container.name];
      if (!shape) throw new Refusal('shape', 'unknown root');
      if (sub === null) throw new Refusal('shape', 'root is not a map');
      if (!deleted) {
        if (shape.holds === 'record' && !(content instanceof Y.ContentType && content.type instanceof Y.Map)) throw new Refusal('shape', 'record is not a map');
        if (shape.holds === 'plain') this.plain(content);
      }
      this.overwrites(this.doc.share.get(container.name), sub);
      add(this.newRootKeys, container.name, sub);
      return;
    }
    const shape = this.roots[container.root];
    if (container.depth === 1 && container.type === 'map' && shape?.holds === 'record') {
      if (sub === null) throw new Refusal('shape', 'record is not a map');
      if (!deleted) {
        if (content instanceof Y.ContentType && isText(content.type)) {
          if (!shape.textFields?.includes(sub)) throw new Refusal('shape', 'text in a field that is not a text field');
        } else this.plain(content);
      }
      this.overwrites(container.doc, sub);
      const key = idKey(container.id);
      const rec = this.newRecordKeys.get(key) ?? { type: container.doc, keys: new Set<string>() };
      rec.keys.add(sub);
      this.newRecordKeys.set(key, rec);
      return;
    }
    if (container.depth === 2 && container.type === 'text' && shape?.holds === 'record') {
      if (sub !== null) throw new Refusal('shape', 'text with map entries');
      if (!deleted && !(content instanceof Y.ContentString)) throw new Refusal('shape', 'text holds something other than text');
      const key = idKey(container.id);
      const text = this.textAdded.get(key) ?? { type: container.doc, chars: 0 };
      if (!deleted) text.chars += item.length;
      this.textAdded.set(key, text);
      return;
    }
    throw new Refusal('shape', 'nested too deep or of the wrong type');
  }

  /** A map entry holding one plain JSON value within the caps. */
  private plain(content: Y.Item['content']): void {
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !isPlainValue(content.arr[0])) {
      throw new Refusal('shape', 'value is not plain JSON within the caps');
    }
  }

  /** Finds where an update item will be integrated, from its parent or its neighbours. */
  private place(item: Y.Item): Placed {
    const done = this.placed.get(item);
    if (done) return done;
    // Items placed through neighbours can chain; walk the chain iteratively so a long one cannot overflow the stack.
    const chain: Y.Item[] = [];
    let cur: Y.Item = item;
    let result: Placed | null = null;
    for (;;) {
      const known = this.placed.get(cur);
      if (known) {
        result = known;
        break;
      }
      const parent = cur.parent as unknown;
      if (typeof parent === 'string') {
        result = { container: { t: 'root', name: parent }, sub: cur.parentSub };
        break;
      }
      if (parent !== null) {
        result = { container: this.typeContainer(parent as Y.ID), sub: cur.parentSub };
        break;
      }
      // Parent copied from a neighbour (check() made sure both are held).
      const ref = cur.origin ?? cur.rightOrigin;
      if (!ref) throw new Refusal('shape', 'item without parent');
      const n = this.find(ref);
      if (!n || n instanceof Y.GC) {
        result = { container: { t: 'gc' }, sub: null };
        break;
      }
      if (n.inDoc) {
        result = this.placeDocItem(n.item);
        break;
      }
      chain.push(cur);
      if (chain.length > this.update.structs.length) throw new Refusal('shape', 'neighbour cycle');
      cur = n.item;
    }
    chain.push(cur);
    for (const c of chain) this.placed.set(c, result);
    return result;
  }

  /** The container an integrated document item lives in. */
  private placeDocItem(item: Y.Item): Placed {
    const parent = item.parent as AnyType | null;
    if (!parent || !(parent instanceof Y.AbstractType)) return { container: { t: 'gc' }, sub: null };
    return { container: this.docTypeContainer(parent), sub: item.parentSub };
  }

  private docTypeContainer(type: AnyType): Container {
    if (type._item === null) return { t: 'root', name: this.rootName(type) };
    const outer = this.placeDocItem(type._item);
    return this.nest(outer, type, type._item.id);
  }

  /** The container a type (by the id of the item holding it) provides to its children. */
  private typeContainer(id: Y.ID): Container {
    const n = this.find(id);
    if (!n || n instanceof Y.GC) return { t: 'gc' };
    const content = n.item.content;
    if (!(content instanceof Y.ContentType)) return { t: 'gc' };
    if (n.inDoc) return this.nest(this.placeDocItem(n.item), content.type, n.item.id);
    return this.nest(this.place(n.item), content.type, n.item.id, true);
  }

  private nest(outer: Placed, type: AnyType, id: Y.ID, fresh = false): Container {
    const c = outer.container;
    if (c.t === 'gc') return c;
    const kind = type instanceof Y.Map ? 'map' : isText(type) ? 'text' : 'other';
    const doc = fresh ? null : type;
    if (c.t === 'root') return { t: 'type', depth: 1, root: c.name, type: kind, key: outer.sub ?? '', doc, id };
    return { t: 'type', depth: c.depth + 1, root: c.root, type: kind, key: c.key, doc, id };
  }

  private rootName(type: AnyType): string {
    if (!this.rootNames) {
      this.rootNames = new Map();
      for (const [name, t] of this.doc.share) this.rootNames.set(t, name);
    }
    return this.rootNames.get(type) ?? '';
  }

  /** A struct by id, in the update (new) or in the document; null when neither holds it. */
  private find(id: Y.ID): { item: Y.Item; inDoc: boolean } | Y.GC | null {
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const s = Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
      return s instanceof Y.Item ? { item: s, inDoc: true } : s;
    }
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Item ? { item: s, inDoc: false } : s instanceof Y.GC ? s : null;
    }
    return null;
  }

  private requireKnown(id: Y.ID): void {
    if (!this.find(id)) throw new Refusal('missing', 'neighbour not held');
  }

  /** Deletions of structs neither the document nor the update holds would be kept pending by Yjs. */
  private checkDeletes(): void {
    for (const [client, ranges] of this.update.ds.clients) {
      let known = Y.getState(this.doc.store, client);
      const list = this.byClient.get(client);
      const last = list?.[list.length - 1];
      if (last && !(last instanceof Y.Skip)) known = Math.max(known, last.id.clock + last.length);
      for (const r of ranges) if (r.clock + r.len > known) throw new Refusal('missing', 'deletes structs not held');
    }
  }

  /** A new map entry under `key` deletes the entry the document holds there; it must be safe to delete. */
  private overwrites(map: AnyType | null | undefined, key: string): void {
    const held = map?._map.get(key);
    if (held) this.deletable(held);
  }

  /** Every live document item the update's delete set removes must be safe to delete. */
  private checkDeletedDepth(): void {
    for (const [client, ranges] of this.update.ds.clients) {
      const structs = this.doc.store.clients.get(client);
      if (!structs) continue;
      const held = Y.getState(this.doc.store, client);
      for (const r of ranges) {
        const end = Math.min(r.clock + r.len, held);
        if (r.clock >= end) continue;
        for (let i = Y.findIndexSS(structs, r.clock); i < structs.length && structs[i]!.id.clock < end; i++) {
          const s = structs[i]!;
          if (s instanceof Y.Item) this.deletable(s);
        }
      }
    }
  }

  /**
   * Refuses deleting a live item holding types nested deeper than MAX_DELETABLE_NEST_DEPTH (docShapes.ts):
   * Yjs would recurse once per level and throw part-way. Walks iteratively and stops at the limit.
   */
  private deletable(item: Y.Item): void {
    if (item.deleted || !(item.content instanceof Y.ContentType)) return;
    const stack: { type: AnyType; depth: number }[] = [{ type: item.content.type, depth: 1 }];
    while (stack.length > 0) {
      const { type, depth } = stack.pop()!;
      if (depth > MAX_DELETABLE_NEST_DEPTH) throw new Refusal('shape', 'deletes a type nested too deep to delete safely');
      const visit = (child: Y.Item) => {
        if (!child.deleted && child.content instanceof Y.ContentType) stack.push({ type: child.content.type, depth: depth + 1 });
      };
      for (let child = type._start; child !== null; child = child.right) visit(child);
      for (const child of type._map.values()) visit(child);
    }
  }

  private checkCounts(): void {
    for (const [name, keys] of this.newRootKeys) {
      const shape = this.roots[name]!;
      const root = this.doc.share.get(name);
      let added = 0;
      const held = root?._map;
      for (const k of keys) {
        const it = held?.get(k);
        if (!it || it.deleted) added += 1;
      }
      // Counting live entries walks the map, so it is done only when the update adds keys (a new row,
      // not an edit of one), and never when even a count of every key held stays within the cap.
      if (added === 0 || (held?.size ?? 0) + added <= shape.maxEntries) continue;
      let live = 0;
      if (held) for (const it of held.values()) if (!it.deleted) live += 1;
      if (live + added > shape.maxEntries) throw new Refusal('cap', `more than ${shape.maxEntries} entries`);
    }
    for (const { type, keys } of this.newRecordKeys.values()) {
      const held = type?._map;
      let total = held?.size ?? 0;
      for (const k of keys) if (!held?.has(k)) total += 1;
      if (total > MAX_RECORD_FIELDS) throw new Refusal('cap', 'record with too many fields');
    }
    for (const { type, chars } of this.textAdded.values()) {
      if ((type?._length ?? 0) + chars > MAX_TEXT_FIELD_CHARS) throw new Refusal('cap', 'text too long');
    }
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

/** A plain Y.Text (an XmlText is a Y.Text too, but is not a text field). */
function isText(type: AnyType): boolean {
  return type instanceof Y.Text && !(type instanceof Y.XmlText);
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}
