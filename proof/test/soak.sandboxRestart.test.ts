/**
 * The sandbox (the route) goes away mid-batch and comes back on the same port and state: the
 * gateway resumes by itself (its retries and outbox back-off), and every letter arrives
 * exactly once. Short: 100 letters; POSTBUD_SOAK=long: 1,000.
 */
import { afterAll, expect, test } from '@jest/globals';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createLogger, startGateway } from '@postbud/gateway';
import type { RunningGateway } from '@postbud/gateway';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox, SandboxOptions } from '@postbud/sandbox';
import { gatewayConfigObject, SARA } from '../src/support/gatewayConfig.js';
import { checkLedger, ledgerStates, rejectedLetters } from '../src/support/ledgerCheck.js';
import { caseworkerToken } from '../src/support/sandboxApi.js';
import { expectExactlyOnce, freePort, LONG, pool, sleep, submitLetter, tempDir, waitFor } from './support/soakWorld.js';

const LETTERS = LONG ? 1_000 : 100;
const dir = tempDir('postbud-soak-restart-');
let sandbox: RunningSandbox | undefined;
let gateway: RunningGateway | undefined;

afterAll(async () => {
  await gateway?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

test(`the sandbox restarts during a ${LETTERS}-letter batch: the gateway resumes by itself, each letter exactly once`, async () => {
  const port = await freePort();
  const options: SandboxOptions = { port, dataDir: path.join(dir, 'sandbox'), validation: 'light', deliveryDelayMs: 50, faults: 'slow=0.3:100', log: () => {} };
  sandbox = await startSandbox(options);
  const sandboxUrl = sandbox.url;
  gateway = await startGateway({
    config: gatewayConfigObject({ sandboxUrl, pollIntervalMs: 300 }), baseDir: dir, logger: createLogger({ level: 'silent' }),
    workers: { outboxIntervalMs: 100, inboundIntervalMs: 300 },
  });
  const token = await caseworkerToken(sandboxUrl, SARA);
  const accepted = await pool(LETTERS, 6, (i) => submitLetter(() => (gateway as RunningGateway).url, token, i));
  await waitFor('the first letters in the sandbox', () => (sandbox as RunningSandbox).store.countLetters() > 0, 60_000);
  await sandbox.close();
  const during = ledgerStates(path.join(dir, 'ledger.sqlite'));
  await sleep(2_000);
  sandbox = await startSandbox(options);
  const ledger = path.join(dir, 'ledger.sqlite');
  await waitFor('every letter delivered', () => (ledgerStates(ledger)['delivered'] ?? 0) >= LETTERS, LONG ? 900_000 : 120_000,
    () => ({ states: ledgerStates(ledger), rejected: rejectedLetters(ledger).slice(0, 3) }));
  expect((during['accepted'] ?? 0) + (during['sending'] ?? 0)).toBeGreaterThan(0); // the restart really was mid-batch
  await expectExactlyOnce(sandboxUrl, accepted);
  expect(checkLedger(ledger).problems).toEqual([]);
}, LONG ? 1_000_000 : 200_000);
