/**
 * What every benchmark child process shares: reading `--name value` arguments, sampling its
 * own peak RSS, and reporting one JSON line `{"result": …}` on stdout for the orchestrator.
 * @module
 */
import path from 'node:path';
import { PROOF_DIST } from '../support/paths.js';
import { spawnListening } from '../support/childProcess.js';
import type { ListeningChild } from '../support/childProcess.js';

export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
}

/** Samples `process.memoryUsage.rss()` until stopped; returns the peak in MB. */
export function rssSampler(intervalMs = 25): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, intervalMs);
  return { stop: () => { clearInterval(timer); return Math.max(peak, process.memoryUsage.rss()) / (1024 * 1024); } };
}

export function report(result: Readonly<Record<string, unknown>>): void {
  process.stdout.write(`${JSON.stringify({ result })}\n`);
}

/** The sandbox in its own process (light validation, in memory unless options say otherwise). */
export function startSandboxChild(options: Readonly<Record<string, unknown>> = {}): Promise<ListeningChild> {
  return spawnListening(path.join(PROOF_DIST, 'bench/sandboxChild.js'), [JSON.stringify(options)], { env: { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=8192`.trim() } });
}

export function runMain(main: () => Promise<void>): void {
  main().then(() => process.exit(0), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
