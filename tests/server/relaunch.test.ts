import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { ALLOCATOR_ENV, needsRelaunch } from '../../server/relaunch.js';
import { HEAP_GROWING_PERCENT } from '../../server/heapPolicy.js';
import { COMPILED_SERVER, PRODUCTION_ENV, spawnServer, tempDataDir, testEnv } from '../utils/testServer.js';
import { api } from '../utils/api.js';

/** The pids of a process's children (Linux). */
const childrenOf = (pid: number): number[] => fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
/** A process's environment, from /proc. */
const environOf = (pid: number): string[] => fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
async function waitUntil(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('needsRelaunch', () => {
  it('relaunches on Linux only when the allocator setting is missing', () => {
    expect(needsRelaunch({}, 'linux')).toBe(true);
    expect(needsRelaunch({ ...ALLOCATOR_ENV }, 'linux')).toBe(false);
    expect(needsRelaunch({ MALLOC_MMAP_THRESHOLD_: '65536' }, 'linux')).toBe(false);
    expect(needsRelaunch({}, 'darwin')).toBe(false);
    expect(needsRelaunch({}, 'win32')).toBe(false);
  });

  it('uses the setting npm start and the benchmarks use', () => {
    expect(ALLOCATOR_ENV).toEqual(PRODUCTION_ENV);
  });
});

/**
 * `node dist/server/main.js` started without MALLOC_MMAP_THRESHOLD_ (as a service unit might) runs the
 * server in a child that has it, and keeps signals, exit codes and output as if there were one process.
 */
describe('the production bundle started without the allocator setting', () => {
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const c of started) if (c.pid && alive(c.pid)) c.kill('SIGKILL');
    started.length = 0;
  });
  const launch = async (dataDir = tempDataDir('rr-relaunch-')) => {
    const s = await spawnServer(dataDir, {}, 0, { compiled: true, productionEnv: false });
    started.push(s.child);
    const [server] = childrenOf(s.child.pid!);
    expect(server).toBeDefined();
    started.push({ pid: server, kill: (sig: NodeJS.Signals) => process.kill(server!, sig) } as unknown as ChildProcess);
    return { ...s, launcher: s.child.pid!, server: server! };
  };

  it("serves from a child that has the setting; its output reaches the launcher's stdout", async () => {
    const s = await launch();
    expect(environOf(s.launcher)).not.toContain('MALLOC_MMAP_THRESHOLD_=131072');
    expect(environOf(s.server)).toContain('MALLOC_MMAP_THRESHOLD_=131072');
    // The heap setting (server/heapPolicy.ts) goes with it, on the command line.
    const cmdline = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline(s.server)).toContain(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(cmdline(s.launcher)).not.toContain(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(childrenOf(s.server).length).toBe(0);
    expect((await api(s.url, 'GET', '/api/health')).body).toEqual({ status: 'ok' });
  });

  it('passes SIGTERM on: the server stops gracefully and the launcher exits 0', async () => {
    const s = await launch();
    const exited = exitOf(s.child);
    process.kill(s.launcher, 'SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    await waitUntil(() => !alive(s.server), 'the server has exited');
  });

  it('dies of the same signal as the server', async () => {
    const s = await launch();
    const exited = exitOf(s.child);
    process.kill(s.server, 'SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('stops the server if the launcher is killed', async () => {
    const s = await launch();
    process.kill(s.launcher, 'SIGKILL');
    await waitUntil(() => !alive(s.server), 'the orphaned server has stopped');
  });

  it("exits with the server's exit code, its error on stderr", async () => {
    const env = { ...process.env, ...testEnv(tempDataDir('rr-relaunch-'), { PORT: 'not-a-port' }) };
    delete env.MALLOC_MMAP_THRESHOLD_;
    const child = spawn(process.execPath, [COMPILED_SERVER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const { code, signal } = await exitOf(child);
    expect(signal).toBeNull();
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/PORT/);
  });

  it('does not relaunch when the setting is already there (npm start)', async () => {
    const s = await spawnServer(tempDataDir('rr-relaunch-'), {}, 0, { compiled: true });
    started.push(s.child);
    expect(environOf(s.child.pid!)).toContain('MALLOC_MMAP_THRESHOLD_=131072');
    expect(childrenOf(s.child.pid!)).toEqual([]);
  });
});
