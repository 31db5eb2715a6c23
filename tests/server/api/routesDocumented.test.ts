import fs from 'node:fs';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../utils/testServer.js';
import { apiRouter } from '../../../server/routes/apiRouter.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** "GET /api/reviews/:" with every path parameter's name dropped, since docs and code name them differently. */
const normalise = (method: string, path: string): string => `${method.toUpperCase()} ${path.replace(/:[A-Za-z]+/g, ':')}`;

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** Every route the API router mounts, walking nested routers (all are mounted without a prefix). */
function mounted(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      return paths.flatMap((p) =>
        Object.keys(layer.route!.methods)
          .filter((m) => m !== '_all')
          .map((m) => normalise(m, `/api${p}`)),
      );
    }
    return layer.handle?.stack ? mounted(layer.handle.stack) : [];
  });
}

/**
 * Every route docs/api.md lists in its tables: "| `GET /api/x` |", with the shorthands it uses for
 * siblings: "`GET /api/a/b.xlsx` and `.csv`" (another extension) and "`GET /api/a/b.docx`, `c.docx`"
 * (another last segment), or a sibling written out in full ("`POST /api/a`, `PUT /api/a/:id`").
 */
function documented(markdown: string): string[] {
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    const cell = /^\| ((?:`[^`]+`(?:, | and )?)+) \|/.exec(line)?.[1];
    if (!cell) continue;
    const spans = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const first = /^(GET|POST|PUT|PATCH|DELETE) (\/api\/\S+)$/.exec(spans[0]!);
    if (!first) continue;
    const [, method, path] = first;
    out.push(normalise(method!, path!));
    for (const sibling of spans.slice(1)) {
      const full = /^(GET|POST|PUT|PATCH|DELETE) (\/api\/\S+)$/.exec(sibling);
      if (full) out.push(normalise(full[1]!, full[2]!));
      else if (sibling.startsWith('.')) out.push(normalise(method!, path!.replace(/\.[a-z]+$/, sibling)));
      else out.push(normalise(method!, path!.replace(/[^/]+$/, sibling)));
    }
  }
  return out;
}

describe('docs/api.md', () => {
  it('documents exactly the routes the server mounts', () => {
    const served = new Set(mounted((apiRouter(server.deps) as unknown as Router & { stack: Layer[] }).stack));
    const docs = new Set(documented(fs.readFileSync('docs/api.md', 'utf8')));
    expect(served.size).toBeGreaterThan(40);
    expect([...served].filter((r) => !docs.has(r)).sort()).toEqual([]);
    expect([...docs].filter((r) => !served.has(r)).sort()).toEqual([]);
  });
});
