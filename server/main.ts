import { needsRelaunch, relaunch } from './relaunch.js';

/**
 * Entry point (`npm start`, or `node dist/server/main.js` as a service unit might run it). It loads
 * nothing but the launcher first: started without the allocator setting, it relaunches itself with
 * it (relaunch.ts) and stays a thin parent; otherwise it starts the server (serve.ts, its own bundle,
 * so the launcher never loads the server's dependencies).
 */
if (needsRelaunch(process.env, process.platform)) relaunch();
else {
  // A specifier esbuild leaves alone: serve.ts is built as a separate file beside this one.
  const serve = './serve.js';
  await import(serve);
}
