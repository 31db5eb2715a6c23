import { spawn } from 'node:child_process';
import { heapArgs } from './heapPolicy.js';

/**
 * The glibc allocator setting the server runs with: a fixed mmap threshold of 128 KiB, so freed large
 * blocks (argon2's 19 MiB per password hash, multi-MB Yjs frames and exports) go back to the kernel
 * instead of staying in malloc arenas. Without it a long-running server's report export peaks at
 * 300–320 MiB instead of about 230 (docs/performance.md, report export). glibc reads it only when the
 * process starts, so a process started without it relaunches itself once with it.
 */
export const ALLOCATOR_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** Signals a service manager or terminal sends that the launcher passes on to the server. */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** Whether this process must relaunch itself with ALLOCATOR_ENV: on Linux (glibc), when the variable is unset. */
export function needsRelaunch(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  return platform === 'linux' && env.MALLOC_MMAP_THRESHOLD_ === undefined;
}

/**
 * Runs this same script again with ALLOCATOR_ENV added, as a child that shares stdin, stdout and
 * stderr, and stays as a thin launcher: signals are passed on, and it exits the way the server did
 * (its exit code, or the same signal). The child is told through an IPC channel if the launcher dies
 * (kill -9), and then stops gracefully rather than run on unsupervised.
 */
export function relaunch(): void {
  // The heap setting goes with it (heapPolicy.ts), so a plainly started server gets both.
  const args = [...process.execArgv, ...heapArgs(process.execArgv), ...process.argv.slice(1)];
  const env = { ...process.env, ...ALLOCATOR_ENV };
  // Node 23.11+ can replace this process in place (same pid, no launcher left); Node 20 cannot.
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
  if (execve) execve(process.execPath, [process.execPath, ...args], env);
  const child = spawn(process.execPath, args, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env,
  });
  for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
  child.once('error', (err) => {
    process.stderr.write(`Could not start the server: ${err.message}\n`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => {
    if (signal) {
      // Die of the same signal, so a service manager sees what happened to the server.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else {
      process.exit(code ?? 1);
    }
  });
}
