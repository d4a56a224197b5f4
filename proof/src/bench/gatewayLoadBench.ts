/**
 * One run of the gateway benchmark. This process is the load generator; the gateway
 * (`gateway/dist/main.js`) and the sandbox run in processes of their own, all on loopback.
 *  1. lookups (cached): throughput with 8 workers back to back, and p99 at a fixed 500 req/s;
 *  2. letter acceptance: 100 KB letters at a fixed 100 req/s, p99 of the 202 answers;
 *  3. outbox drain: the sandbox holds the first send for a while, the gateway accepts a
 *     backlog meanwhile, and the drain rate is read from the ledger's `sent_at` times,
 *     next to the SDK's own rate to the same sandbox with the same letters and concurrency.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DigitalPostClient } from '@postbud/sdk';
import type { ClientLetterInput } from '@postbud/sdk';
import { stopChild } from '../support/childProcess.js';
import { writeGatewayConfig, SARA } from '../support/gatewayConfig.js';
import { startGatewayProcess } from '../support/gatewayProcess.js';
import { closedLoop, LoopbackClient, openLoop } from '../support/httpLoad.js';
import type { LoadResult } from '../support/httpLoad.js';
import { ledgerSentTimes, ledgerStates } from '../support/ledgerCheck.js';
import { ANNA_CPR, gatewayLetterJson, pdfOfSize } from '../support/letters.js';
import { caseworkerToken, queueSandboxFault } from '../support/sandboxApi.js';
import { numberArg, report, runMain, startSandboxChild } from './benchChild.js';

const LOOKUP_CPRS = ['0101901234', '1204852345', '2307703456', '0511604567', '2808924012'];
const OUTBOX_CONCURRENCY = 20; // the outbox worker's window (sends in flight)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function brief(r: LoadResult): Record<string, unknown> {
  return { requests: r.requests, rate: r.rate, p50: r.p50, p99: r.p99, max: r.max, statuses: r.statuses };
}

/** Peak RSS of another process (VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function waitForEmptyOutbox(ledger: string, maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const s = ledgerStates(ledger);
    if ((s['accepted'] ?? 0) + (s['sending'] ?? 0) === 0) return;
    await sleep(200);
  }
  throw new Error(`the outbox did not drain within ${maxMs} ms: ${JSON.stringify(ledgerStates(ledger))}`);
}

async function directRate(sandboxUrl: string, pdf: Uint8Array, count: number): Promise<number> {
  const client = new DigitalPostClient({ baseUrl: sandboxUrl, sender: { cvr: '29999902', label: 'Solbjerg Kommune' } });
  const letter = (i: number): ClientLetterInput => ({ title: `Direkte ${i}`, recipient: { type: 'cpr', cpr: ANNA_CPR }, mainDocument: { files: [{ filename: 'brev.pdf', content: pdf }] } });
  await client.send(letter(-1));
  const start = performance.now();
  const summary = await client.sendMany(Array.from({ length: count }, (_, i) => letter(i)), { concurrency: OUTBOX_CONCURRENCY, signal: AbortSignal.timeout(300_000) });
  return summary.succeeded / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const backlog = numberArg('backlog', 1000);
  const acceptSeconds = numberArg('accept-seconds', 10);
  const dir = mkdtempSync(path.join(tmpdir(), 'postbud-gwbench-'));
  const sandbox = await startSandboxChild({ deliveryDelayMs: 1000 });
  const config = writeGatewayConfig(dir, { sandboxUrl: sandbox.url, pollIntervalMs: 1000 });
  const gateway = await startGatewayProcess(config, { logLevel: 'warn' });
  const ledger = path.join(dir, 'ledger.sqlite');
  const http = new LoopbackClient(gateway.url, 64);
  try {
    const auth = { authorization: `Bearer ${await caseworkerToken(sandbox.url, SARA)}`, 'content-type': 'application/json' };
    const lookup = (i: number) => ({ method: 'POST' as const, path: '/v1/lookup', headers: auth, body: Buffer.from(JSON.stringify({ cpr: LOOKUP_CPRS[i % LOOKUP_CPRS.length] })) });
    for (let i = 0; i < LOOKUP_CPRS.length; i += 1) await http.request(lookup(i)); // fill the lookup cache
    await closedLoop(http, { concurrency: 8, total: 500, maxMs: 5_000, make: lookup }); // JIT warm-up
    const lookupMax = await closedLoop(http, { concurrency: 8, total: 20_000, maxMs: 8_000, make: lookup });
    const lookupAt500 = await openLoop(http, { ratePerSecond: 500, count: 2_500, maxMs: 10_000, make: lookup });

    const pdfBase64 = pdfOfSize(100 * 1024).toString('base64');
    // The bodies are built before each timed phase: built per request, 137 KB of JSON each made
    // this process collect garbage for up to 17 ms at a time in the middle of the phase, and that
    // pause was counted as the gateway's latency.
    const bodies = (count: number, first: number) => Array.from({ length: count }, (_, i) => Buffer.from(gatewayLetterJson({ title: `Brev ${first + i}`, pdfBase64 })));
    const post = (body: Buffer) => ({ method: 'POST' as const, path: '/v1/letters', headers: auth, body });
    const acceptBodies = bodies(100 * acceptSeconds, 0);
    const accept = await openLoop(http, { ratePerSecond: 100, count: acceptBodies.length, maxMs: (acceptSeconds + 30) * 1000, make: (i) => post(acceptBodies[i] as Buffer) });
    await waitForEmptyOutbox(ledger, 300_000);

    const before = new Set(ledgerSentTimes(ledger).map((l) => l.id));
    const burstBodies = bodies(backlog, 100_000);
    // Hold the next sends in the sandbox, so a backlog builds up while the gateway accepts: one
    // per outbox slot, since a rolling window keeps sending past a single held letter.
    await queueSandboxFault(sandbox.url, { kind: 'slow', times: OUTBOX_CONCURRENCY, param: 15_000, pathPrefix: '/service/KombiPostAfsend_1' });
    const burst = await closedLoop(http, { concurrency: 8, total: backlog, maxMs: 120_000, make: (i) => post(burstBodies[i] as Buffer) });
    const acceptedAt = Date.now();
    await waitForEmptyOutbox(ledger, 600_000);
    const batch = ledgerSentTimes(ledger).filter((l) => !before.has(l.id) && l.sentAt !== null).map((l) => Date.parse(l.sentAt as string)).sort((a, b) => a - b);
    const unblocked = Math.max(batch[0] ?? 0, acceptedAt);
    const after = batch.filter((t) => t > unblocked);
    const drainRate = after.length > 1 ? after.length / (((after[after.length - 1] as number) - unblocked) / 1000) : Number.NaN;
    const direct = await directRate(sandbox.url, new Uint8Array(Buffer.from(pdfBase64, 'base64')), backlog);
    report({
      lookupMax: brief(lookupMax), lookupAt500: brief(lookupAt500), accept100: brief(accept), burst: brief(burst),
      drain: { letters: after.length, rate: drainRate, directRate: direct, ratio: drainRate / direct, backlogAtUnblock: after.length },
      gatewayPeakRssMb: peakRssMb(gateway.child.pid),
    });
  } finally {
    http.close();
    await stopChild(gateway.child);
    await stopChild(sandbox.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
