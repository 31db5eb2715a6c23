import os from 'node:os';
import { spawnServer, tempDataDir } from '../tests/utils/testServer.js';
import { api } from '../tests/utils/api.js';
import { createReviewWithMembers } from '../tests/utils/factories.js';
import { openDoc, synced, type TestClient } from '../tests/utils/yjsClient.js';
import { percentile, writeResult } from './benchUtils.js';

/**
 * Fan-out across backends and nodes (issue 11, docs/scaling.md): how long an edit takes to reach every
 * other client of its doc, p50/p99, with every server in its own process running the production
 * bundle (`npm run build:server` first):
 * - a bare y-protocols relay (bench/bareRelay.ts: no auth, no storage), the embedded backend, PostgreSQL
 *   on one node, and PostgreSQL on two nodes with the clients split between them;
 * - at two connection counts on one doc (FANOUT_CLIENTS, FANOUT_CLIENTS_LARGE: 50 and 500, so the
 *   two-node figure is 2 x 250 against 1 x 500);
 * - at two document counts (1 and FANOUT_DOCS docs, FANOUT_CLIENTS_PER_DOC clients each), edits spread over the docs.
 * PostgreSQL is BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), a fresh schema per run.
 */
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SMALL = Number(process.env.FANOUT_CLIENTS ?? 50);
const LARGE = Number(process.env.FANOUT_CLIENTS_LARGE ?? 500);
const DOCS = Number(process.env.FANOUT_DOCS ?? 10);
const PER_DOC = Number(process.env.FANOUT_CLIENTS_PER_DOC ?? 10);
/** Timed edits per measurement (each waits for every other client of its doc). */
const EDITS = Number(process.env.FANOUT_EDITS ?? 40);

type Backend = 'bare' | 'embedded' | 'postgres';
type Node = Awaited<ReturnType<typeof spawnServer>>;
const schemaTag = `rr_bench_${Date.now().toString(36)}`;
let schemas = 0;

/** Starts `count` nodes of one backend (nodes of one PostgreSQL run share a fresh schema). */
async function startNodes(backend: Backend, count: number): Promise<Node[]> {
  if (backend === 'bare') return [await spawnServer(tempDataDir('rr-bench-relay-'), {}, 0, { compiled: true, bundle: 'bench/bareRelay.ts', execArgv: ['--import', 'tsx'] })];
  const env: Record<string, string> = backend === 'postgres' ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: `${schemaTag}_${schemas++}` } : { DATABASE_URL: '' };
  const nodes: Node[] = [];
  for (let i = 0; i < count; i++) nodes.push(await spawnServer(tempDataDir('rr-bench-node-'), { ...env, LOG_LEVEL: 'silent' }, 0, { compiled: true }));
  return nodes;
}

/** Opens `perDoc` clients on each of `docs` docs, round-robin over the nodes; the bare relay needs no sign-in. */
async function openClients(backend: Backend, nodes: Node[], docs: number, perDoc: number): Promise<TestClient[][]> {
  let names: string[];
  let cookies: string[];
  if (backend === 'bare') {
    names = Array.from({ length: docs }, (_, i) => `bench-${i}`);
    cookies = [''];
  } else {
    const fx = await createReviewWithMembers(nodes[0]!.url);
    const reviews = [fx.reviewId];
    // More docs: more reviews led by the same lead reviewer, each with its genogram.
    for (let i = 1; i < docs; i++) {
      const r = await api(nodes[0]!.url, 'POST', '/api/reviews', { cookie: fx.lead.cookie, body: { title: `Bench ${i}`, kind: 'lcspr', childPseudonym: `Child ${i}` } });
      if (r.status !== 201) throw new Error(`review not created: ${r.status}`);
      reviews.push(r.body.id);
    }
    names = reviews.map((id) => `review.${id}.genogram`);
    cookies = docs === 1 ? [fx.lead.cookie, fx.team.cookie, fx.author.cookie, fx.author2.cookie] : [fx.lead.cookie];
  }
  const groups: TestClient[][] = [];
  let n = 0;
  for (const name of names) {
    const group: TestClient[] = [];
    for (let i = 0; i < perDoc; i++, n++) group.push(openDoc(nodes[n % nodes.length]!.url, name, cookies[n % cookies.length] || null));
    groups.push(group);
  }
  await Promise.all(groups.flat().map(synced));
  return groups;
}

/** Times EDITS edits, spread over the docs and their clients, until every other client of the doc has it. */
async function measure(groups: TestClient[][], edits: number, tag: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let k = 0; k < edits; k++) {
    const group = groups[k % groups.length]!;
    const from = Math.floor(k / groups.length) % group.length;
    const key = `${tag}-${k}`;
    const start = performance.now();
    const waits = group
      .filter((_, j) => j !== from)
      .map(
        (c) =>
          new Promise<void>((resolve) => {
            const map = c.doc.getMap('positions');
            const check = () => {
              if (!map.has(key)) return;
              latencies.push(performance.now() - start);
              map.unobserve(check);
              resolve();
            };
            map.observe(check);
          }),
      );
    group[from]!.doc.getMap('positions').set(key, k);
    await Promise.all(waits);
  }
  return latencies;
}

type Figure = { setup: string; backend: Backend; nodes: number; docs: number; clients: number; observations: number; p50ms: number; p99ms: number };

async function run(backend: Backend, nodeCount: number, docs: number, perDoc: number, setup: string): Promise<Figure> {
  const nodes = await startNodes(backend, nodeCount);
  try {
    const groups = await openClients(backend, nodes, docs, perDoc);
    try {
      await measure(groups, Math.min(5, EDITS), 'warm');
      const l = await measure(groups, EDITS, 'm');
      const f: Figure = {
        setup,
        backend,
        nodes: nodeCount,
        docs,
        clients: docs * perDoc,
        observations: l.length,
        p50ms: +percentile(l, 50).toFixed(1),
        p99ms: +percentile(l, 99).toFixed(1),
      };
      process.stdout.write(`${JSON.stringify(f)}\n`);
      return f;
    } finally {
      for (const c of groups.flat()) c.destroy();
    }
  } finally {
    for (const n of nodes) await n.kill9();
  }
}

async function main(): Promise<void> {
  process.setMaxListeners(4 * LARGE);
  const load = os.loadavg();
  const figures: Figure[] = [];
  for (const clients of [SMALL, LARGE]) {
    figures.push(await run('bare', 1, 1, clients, `connections ${clients}`));
    figures.push(await run('embedded', 1, 1, clients, `connections ${clients}`));
    figures.push(await run('postgres', 1, 1, clients, `connections ${clients}`));
    figures.push(await run('postgres', 2, 1, clients, `connections ${clients}`));
  }
  for (const docs of [1, DOCS]) {
    figures.push(await run('embedded', 1, docs, PER_DOC, `documents ${docs}`));
    figures.push(await run('postgres', 1, docs, PER_DOC, `documents ${docs}`));
  }
  writeResult('nodesScaling', {
    note: 'servers in their own processes (production bundle); the machine is shared with other work, see loadAverage',
    loadAverage: { atStart: load.map((x) => +x.toFixed(2)), atEnd: os.loadavg().map((x) => +x.toFixed(2)) },
    editsPerMeasurement: EDITS,
    figures,
  });
}

await main();
process.exit(0);
