/**
 * `npm run bench`: runs every benchmark, each run in a child process of its own (so RSS is per
 * process), takes the median of at least BENCH_RUNS (default 5) runs with min and max, compares
 * with the targets, writes `bench/results.json` at the repository root and prints a Markdown
 * table. Settings: BENCH_RUNS, BENCH_ONLY (sdk,e2e,scale,gateway,addin), BENCH_E2E_LETTERS
 * (10000), BENCH_SCALE_LETTERS (1000,10000,50000), BENCH_GATEWAY_BACKLOG (1000),
 * BENCH_GATEWAY_ACCEPT_SECONDS (10), BENCH_STRICT=1 (exit 1 on a missed target).
 * @module
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROOF_DIST, REPO_ROOT } from '../support/paths.js';
import { markdownTable, type BenchRow } from './benchRows.js';
import { addinRows, e2eRows, gatewayRows, scaleRows, sdkRows } from './benchRows.js';

const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 5));
const ONLY = new Set((process.env['BENCH_ONLY'] ?? 'sdk,e2e,scale,gateway,addin').split(',').map((s) => s.trim()));
const E2E_LETTERS = Number(process.env['BENCH_E2E_LETTERS'] ?? 10_000);
const SCALE = (process.env['BENCH_SCALE_LETTERS'] ?? '1000,10000,50000').split(',').map(Number);

/** Runs a node script; resolves with its `{"result":…}` line. */
function runChild(script: string, args: readonly string[], nodeArgs: readonly string[] = [], expectResult = true): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { out += c; });
    child.once('exit', (code) => {
      const line = out.split('\n').reverse().find((l) => l.startsWith('{"result"'));
      if (code === 0 && line) return resolve((JSON.parse(line) as { result: Record<string, unknown> }).result);
      if (code === 0 && !expectResult) return resolve({});
      reject(new Error(`${path.basename(script)} ${args.join(' ')} failed (exit ${code}): ${out.slice(-1000)}`));
    });
  });
}

async function repeat(label: string, script: string, args: readonly string[]): Promise<Record<string, unknown>[]> {
  const results: Record<string, unknown>[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    process.stderr.write(`bench: ${label} run ${i + 1}/${RUNS} (load average ${os.loadavg()[0]?.toFixed(2)})\n`);
    results.push(await runChild(path.join(PROOF_DIST, 'bench', script), args));
  }
  return results;
}

/** The SDK's own MeMo bench (sdk/bench); its committed results file is left as it was. */
async function sdkBench(): Promise<Record<string, unknown>> {
  const file = path.join(REPO_ROOT, 'sdk/bench/results.json');
  const original = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  try {
    // memo.bench.js prints its own table, not a result line: its output is its results file.
    await runChild(path.join(REPO_ROOT, 'sdk/bench/memo.bench.js'), [], ['--expose-gc'], false);
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } finally {
    if (original !== undefined) writeFileSync(file, original);
  }
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const rows: BenchRow[] = [];
  const raw: Record<string, unknown> = {};
  const started = Date.now();
  if (ONLY.has('sdk')) rows.push(...sdkRows((raw['sdk'] = await sdkBench()) as Record<string, unknown>));
  // The end-to-end sizes run interleaved in rounds (each round runs every size once, starting at
  // a different size each time), so a machine that slows or speeds up over the minutes affects
  // every size alike, and the runs of one round can be compared with each other.
  const sizes = [...new Set([...(ONLY.has('e2e') ? [E2E_LETTERS] : []), ...(ONLY.has('scale') ? SCALE : [])])].sort((a, b) => a - b);
  const byCount: Record<string, Record<string, unknown>[]> = Object.fromEntries(sizes.map((n) => [n, []]));
  for (let round = 0; round < RUNS && sizes.length > 0; round += 1) {
    for (let k = 0; k < sizes.length; k += 1) {
      const n = sizes[(round + k) % sizes.length] as number;
      process.stderr.write(`bench: e2e round ${round + 1}/${RUNS}, ${n} letters (load average ${os.loadavg()[0]?.toFixed(2)})\n`);
      byCount[n]?.push(await runChild(path.join(PROOF_DIST, 'bench', 'e2eSendBench.js'), ['--letters', String(n)]));
    }
  }
  if (ONLY.has('e2e')) rows.push(...e2eRows((raw['e2e'] = byCount[E2E_LETTERS] ?? [])));
  if (ONLY.has('scale')) {
    raw['scale'] = Object.fromEntries(SCALE.map((n) => [n, byCount[n] ?? []]));
    rows.push(...scaleRows(raw['scale'] as Record<string, Record<string, unknown>[]>));
  }
  const gatewayArgs = ['--backlog', process.env['BENCH_GATEWAY_BACKLOG'] ?? '1000', '--accept-seconds', process.env['BENCH_GATEWAY_ACCEPT_SECONDS'] ?? '10'];
  if (ONLY.has('gateway')) rows.push(...gatewayRows((raw['gateway'] = await repeat('gateway load', 'gatewayLoadBench.js', gatewayArgs)) as Record<string, unknown>[]));
  if (ONLY.has('addin')) {
    process.stderr.write('bench: add-in build and first render\n');
    rows.push(...addinRows((raw['addin'] = await runChild(path.join(PROOF_DIST, 'bench/addinBench.js'), ['--runs', String(Math.max(RUNS, 5))])) as Record<string, unknown>));
  }
  const record = {
    date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverage: { before: loadBefore.map((l) => +l.toFixed(2)), after: os.loadavg().map((l) => +l.toFixed(2)) },
    minutes: +((Date.now() - started) / 60_000).toFixed(1), settings: { runs: RUNS, e2eLetters: E2E_LETTERS, scaleLetters: SCALE, only: [...ONLY] },
    rows, raw,
  };
  mkdirSync(path.join(REPO_ROOT, 'bench'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, 'bench/results.json'), `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`${markdownTable(rows)}\nLoad average (1/5/15 min) before ${record.loadAverage.before.join(' / ')}, after ${record.loadAverage.after.join(' / ')} on ${record.cpus} CPUs; written to bench/results.json\n`);
  if (process.env['BENCH_STRICT'] === '1' && rows.some((r) => r.pass === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
