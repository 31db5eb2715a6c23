import { spawn } from 'node:child_process';
import { testEnv } from './testServer.js';

/**
 * Runs `npm run admin -- …` as an operator would (the same command, under tsx) against a data
 * directory, with `env` on top of the test environment; resolves with the exit code and all output.
 */
export function runAdmin(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      env: { ...process.env, ...testEnv(dataDir), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}
