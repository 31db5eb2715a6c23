import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import type { Framing } from './rawClient.js';

/** Helpers shared by the multi-process sync benchmarks (bench/syncCpu.ts, bench/presenceIdle.ts). */

const CLK_TCK = 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Current and peak resident memory of a process in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): { rss: number; peak: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rss: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

/** The machine's load average, rounded. */
export const loadavg = (): number[] => os.loadavg().map((l) => +l.toFixed(2));

/** A server under test: its pid, where clients connect and how they frame messages. */
export type ServerUnderTest = {
  pid: number;
  /** ws:// base; clients append /<doc name> unless the framing is Hocuspocus's. */
  wsBase: string;
  framing: Framing;
  stop(): Promise<void>;
};

/** Starts one of the bench's plain-JS servers (bench/sync/*.mjs) with plain node and waits for its port. */
export async function spawnBenchServer(script: string, framing: Framing): Promise<ServerUnderTest> {
  const child = spawn(process.execPath, [path.resolve(import.meta.dirname, script)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}: ${out}`)));
  });
  return { pid: child.pid!, wsBase: `ws://127.0.0.1:${port}`, framing, stop: () => killAndWait(child) };
}

/** Kills a child process (SIGTERM, so a CPU profile is written; SIGKILL after 10 s) and waits for it. */
export function killAndWait(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill(signal);
  });
}

/** One forked process of benchmark clients (bench/sync/clientProcess.ts), driven over IPC. */
export class ClientProcess {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<string, (m: any) => void>();
  readonly ready: Promise<void>;

  /** Forks the process. */
  constructor() {
    this.child = fork(path.resolve(import.meta.dirname, 'clientProcess.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: { cmd: string }) => {
      const w = this.waiting.get(m.cmd);
      if (w) {
        this.waiting.delete(m.cmd);
        w(m);
      }
    });
    this.ready = this.next('ready');
  }

  /** The pid of the client process. */
  get pid(): number {
    return this.child.pid!;
  }

  private next(cmd: string): Promise<any> {
    return new Promise((resolve, reject) => {
      this.waiting.set(cmd, resolve);
      this.child.once('exit', (code) => reject(new Error(`client process exited ${code}`)));
    });
  }

  /** Sends a command without waiting. */
  send(m: Record<string, unknown>): void {
    this.child.send(m);
  }

  /** Sends a command and waits for the answer named `answer`. */
  ask(m: Record<string, unknown>, answer: string): Promise<any> {
    const p = this.next(answer);
    this.child.send(m);
    return p;
  }

  /** Closes every client and waits for the process to end. */
  async close(): Promise<void> {
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    if (this.child.connected) this.child.send({ cmd: 'close' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    await killAndWait(this.child, 'SIGKILL');
  }
}
