/**
 * One run of the end-to-end sending benchmark: the SDK sends `--letters` letters with a
 * `--pdf-kb` PDF at `--concurrency` over loopback HTTP (SF1601: STS, token, KombiPostAfsend)
 * to the sandbox in another process (light validation), with the SDK's Node transport as a
 * Node sender system would use it. Reports letters/s and this (the
 * sender's) process's peak RSS.
 * @module
 */
import { performance } from 'node:perf_hooks';
import { DigitalPostClient } from '@postbud/sdk';
import type { ClientLetterInput } from '@postbud/sdk';
import { createNodeTransport } from '@postbud/sdk/node';
import { stopChild } from '../support/childProcess.js';
import { ANNA_CPR, pdfOfSize } from '../support/letters.js';
import { numberArg, report, rssSampler, runMain, startSandboxChild } from './benchChild.js';

function* letters(count: number, pdf: Uint8Array): Generator<ClientLetterInput> {
  for (let i = 0; i < count; i += 1) {
    yield { title: `Afgørelse ${i}`, recipient: { type: 'cpr', cpr: ANNA_CPR }, mainDocument: { files: [{ filename: 'afgoerelse.pdf', content: pdf }] } };
  }
}

async function main(): Promise<void> {
  const count = numberArg('letters', 10_000);
  const concurrency = numberArg('concurrency', 32);
  const pdf = new Uint8Array(pdfOfSize(numberArg('pdf-kb', 50) * 1024));
  const sandbox = await startSandboxChild({ deliveryDelayMs: 60_000 });
  try {
    const client = new DigitalPostClient({ baseUrl: sandbox.url, sender: { cvr: '29999902', label: 'Solbjerg Kommune' }, retry: { maxRetries: 2 }, transport: createNodeTransport() });
    // Warm-up, not counted: STS, token, connections, and the JIT of both processes, so that the
    // figure per batch size is the steady cost per letter (the scaling check compares them).
    await client.sendMany(letters(numberArg('warmup', 500), pdf), { concurrency });
    const rss = rssSampler(100);
    const start = performance.now();
    let failed = 0;
    let done = 0;
    // Bounded in time as well as count: a stop after --max-seconds reports the rate so far.
    const signal = AbortSignal.timeout(numberArg('max-seconds', 900) * 1000);
    await client.sendMany(letters(count, pdf), { concurrency, signal, onResult: (r) => { done += 1; if (!r.ok) failed += 1; } });
    const seconds = (performance.now() - start) / 1000;
    report({ letters: done, requested: count, concurrency, failed, lettersPerSecond: (done - failed) / seconds, seconds, peakRssMb: rss.stop() });
  } finally {
    await stopChild(sandbox.child);
  }
}

runMain(main);
