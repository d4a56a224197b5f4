/**
 * Starts a Node child process that announces itself with one JSON line
 * `{"event":"listening","url":…}` on stdout (the gateway's `main.js`, the proof's sandbox
 * child), and stops it again by its own pid.
 * @module
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface ListeningChild {
  readonly child: ChildProcess;
  readonly url: string;
  /** stderr collected so far (logs). */
  readonly stderr: () => string;
}

export interface SpawnOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Where stderr goes besides the in-memory copy. */
  readonly onStderr?: (chunk: string) => void;
  /** @unit milliseconds @default 60000 */
  readonly timeoutMs?: number;
  readonly keepStderr?: boolean;
}

export function spawnListening(script: string, args: readonly string[], options: SpawnOptions = {}): Promise<ListeningChild> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (options.keepStderr !== false) err += chunk;
    options.onStderr?.(chunk);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${options.timeoutMs ?? 60_000} ms: ${err.slice(-2000)}`));
    }, options.timeoutMs ?? 60_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line === undefined) return;
      clearTimeout(timer);
      out = '';
      resolve({ child, url: (JSON.parse(line) as { url: string }).url, stderr: () => err });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before listening (code ${code}, signal ${signal}): ${err.slice(-2000)}`));
    });
  });
}

/** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
