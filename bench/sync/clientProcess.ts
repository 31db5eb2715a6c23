import { openRawClient, type Framing, type RawClient } from './rawClient.js';

/**
 * A process of benchmark clients, started by bench/syncCpu.ts and bench/presenceIdle.ts with `fork`, so
 * that client work never shares a process (or an event loop) with the server being measured. Driven over
 * IPC:
 * - `open`: opens `count` clients (optionally with presence renewed every `renewMs`, as y-protocols does
 *   every 15 s), answers `opened` once all have synced;
 * - `edit`: client `index` sets key `key` of map `map` to the current time (ms since the epoch, with
 *   sub-millisecond precision, the same clock in every process on the machine);
 * - observers (the first `observers` clients) record, for each key they see change, now − the time
 *   written in it (seeded rows carry no time);
 * - `report`: answers the latencies seen since the last report and the number of socket closes.
 */
type Open = {
  cmd: 'open';
  url: string;
  docNames: string[];
  framing: Framing;
  headers: Record<string, string>[];
  count: number;
  renewMs?: number;
  /** How many of this process's clients (the first ones) apply updates and record latencies; the rest only read frames. */
  observers: number;
};
type Msg = Open | { cmd: 'edit'; index: number; map: string; key: string } | { cmd: 'report' } | { cmd: 'seed'; map: string; rows: number } | { cmd: 'close' };

const clients: RawClient[] = [];
let latencies: number[] = [];
/** Connections that had to be opened again while opening (reset or refused by a busy server). */
let reopened = 0;
const now = () => performance.timeOrigin + performance.now();
const timers: NodeJS.Timeout[] = [];

process.on('message', async (m: Msg) => {
  if (m.cmd === 'open') {
    const opened: RawClient[] = [];
    const openOne = (i: number): RawClient => {
      const docName = m.docNames[i % m.docNames.length]!;
      const base = m.framing === 'hocuspocus' ? m.url : `${m.url}/${docName}`;
      const observer = i < m.observers;
      const c = openRawClient({ url: base, docName, framing: m.framing, headers: m.headers[i % m.headers.length], applyUpdates: observer });
      if (observer)
        c.doc.getMap('positions').observe((ev) => {
          if (ev.transaction.local) return;
          const t = now();
          for (const key of ev.keysChanged) {
            const v = c.doc.getMap('positions').get(key) as { t?: number } | undefined;
            if (v && typeof v.t === 'number' && v.t > 0) latencies.push(t - v.t);
          }
        });
      return c;
    };
    // Open in batches of 50, each synced before the next, so that a loaded server's accept queue does not
    // overflow; a connection refused or reset while opening is opened again (up to 5 times) and counted.
    for (let from = 0; from < m.count; from += 50) {
      const batch = Array.from({ length: Math.min(50, m.count - from) }, (_, k) => from + k);
      for (let attempt = 0; batch.length > 0; attempt++) {
        const cs = batch.map(openOne);
        const results = await Promise.allSettled(cs.map((c) => c.synced));
        const failed: number[] = [];
        results.forEach((r, k) => {
          if (r.status === 'fulfilled') opened.push(cs[k]!);
          else {
            cs[k]!.close();
            failed.push(batch[k]!);
          }
        });
        reopened += failed.length;
        if (failed.length > 0 && attempt >= 4) throw new Error(`${failed.length} clients could not connect`);
        batch.splice(0, batch.length, ...failed);
      }
    }
    clients.push(...opened);
    const renewMs = m.renewMs;
    if (renewMs) {
      for (const c of opened) {
        c.sendPresence({ cursor: null, row: null });
        // Each client renews on its own phase, as tabs opened at different times do.
        const start = setTimeout(() => {
          c.sendPresence({ cursor: null, row: null });
          timers.push(setInterval(() => c.sendPresence({ cursor: null, row: null }), renewMs));
        }, Math.random() * renewMs);
        timers.push(start);
      }
    }
    process.send!({ cmd: 'opened', count: opened.length, reopened });
  } else if (m.cmd === 'seed') {
    // One client writes the rows in batches of 100 (a document with that many rows already in it).
    const c = clients[0]!;
    for (let from = 0; from < m.rows; from += 100) {
      c.doc.transact(() => {
        for (let i = from; i < Math.min(m.rows, from + 100); i++) c.doc.getMap(m.map).set(`row${i}`, { x: i, y: i, t: 0 });
      });
      await new Promise((r) => setTimeout(r, 10));
    }
    process.send!({ cmd: 'seeded' });
  } else if (m.cmd === 'edit') {
    clients[m.index]!.doc.getMap(m.map).set(m.key, { x: Math.random(), y: Math.random(), t: now() });
  } else if (m.cmd === 'report') {
    process.send!({ cmd: 'report', latencies, closes: clients.reduce((n, c) => n + c.closes, 0), closeCodes: clients.flatMap((c) => c.closeCodes) });
    latencies = [];
  } else if (m.cmd === 'close') {
    for (const t of timers) clearTimeout(t);
    for (const c of clients) c.close();
    process.exit(0);
  }
});
process.send!({ cmd: 'ready' });
