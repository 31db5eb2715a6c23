import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import fs from 'node:fs';
import { COMPILED_SERVER, PRODUCTION_ENV, PRODUCTION_NODE_ARGS, spawnServer, tempDataDir } from '../../utils/testServer.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers } from '../../utils/factories.js';
import { openDoc, synced, until } from '../../utils/yjsClient.js';
import { connectParticipant } from '../../utils/participant.js';

/**
 * `npm start` runs the esbuild bundle in dist/server (scripts/test.sh builds it first), not the
 * TypeScript sources. This proves the bundle is a working server: REST, the built client, Yjs sync and
 * the workshop namespace, with data surviving a restart of the bundle.
 */
describe('the production server bundle', () => {
  const dataDir = tempDataDir('rr-compiled-');
  let server: Awaited<ReturnType<typeof spawnServer>>;

  beforeAll(async () => {
    server = await spawnServer(dataDir, {}, 0, { compiled: true });
  });
  afterAll(async () => {
    await server?.kill9();
  });

  it('is what npm start runs, with the same environment the benchmarks use', () => {
    const start: string = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start;
    const env = Object.entries(PRODUCTION_ENV)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    expect(start).toContain(`${env} node ${[...PRODUCTION_NODE_ARGS, COMPILED_SERVER].join(' ')}`);
  });

  it('serves the API, the client, Yjs sync and Socket.IO, and keeps data across a graceful restart', async () => {
    expect((await api(server.url, 'GET', '/api/health')).body).toEqual({ status: 'ok' });
    const page = await fetch(`${server.url}/reviews`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const fx = await createReviewWithMembers(server.url);
    // Uploads are read in a worker thread, so the bundle must ship its script (dist/server/uploadWorker.js).
    const form = new FormData();
    form.append('file', new Blob(['Date,Event\n"01/02/2024,open']), 'c.csv');
    const up = await fetch(`${server.url}/api/reviews/${fx.reviewId}/agencies/${fx.agencies[0]!.id}/chronology/import?dryRun=true`, {
      method: 'POST',
      body: form,
      headers: { cookie: fx.lead.cookie, origin: server.url },
    });
    expect(((await up.json()) as { error: { code: string } }).error.code).toBe('csv_unterminated_quote');
    const author = openDoc(server.url, `review.${fx.reviewId}.genogram`, fx.lead.cookie);
    await synced(author);
    author.doc.getMap('positions').set('written', 'by the bundle');
    const reader = openDoc(server.url, `review.${fx.reviewId}.genogram`, fx.team.cookie);
    await until(() => (reader.doc.getMap('positions') as Y.Map<string>).get('written') === 'by the bundle', 'edit relayed');
    author.destroy();
    reader.destroy();

    const participant = await connectParticipant(server.url);
    const refused = await participant.emit<{ ok: boolean }>('join', { workshopId: 'nonexistent0000000', code: 'ABCDEF' });
    expect(refused.ok).toBe(false);
    participant.close();

    // A graceful stop (SIGTERM, as a service manager sends) flushes pending appends before exiting.
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    server = await spawnServer(dataDir, {}, 0, { compiled: true });
    const again = openDoc(server.url, `review.${fx.reviewId}.genogram`, fx.lead.cookie);
    await synced(again);
    expect((again.doc.getMap('positions') as Y.Map<string>).get('written')).toBe('by the bundle');
    again.destroy();
  });
});
