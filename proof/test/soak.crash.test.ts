/**
 * Crash soak: the gateway runs as its own process (gateway/dist/main.js) and is killed with
 * SIGKILL at random moments while a batch is submitted and sent, then restarted on the same
 * SQLite ledger and port. Submissions carry Idempotency-Keys and are retried while it is down.
 * Every letter must reach the sandbox exactly once and the ledger must be consistent.
 * Short: 3 kills during 150 letters; POSTBUD_SOAK=long: 5 kills during 2,000.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox } from '@postbud/sandbox';
import { stopChild } from '../src/support/childProcess.js';
import type { ListeningChild } from '../src/support/childProcess.js';
import { SARA, writeGatewayConfig } from '../src/support/gatewayConfig.js';
import { startGatewayProcess } from '../src/support/gatewayProcess.js';
import { checkLedger, ledgerStates, rejectedLetters } from '../src/support/ledgerCheck.js';
import { GATEWAY_MAIN, REPO_ROOT } from '../src/support/paths.js';
import { caseworkerToken } from '../src/support/sandboxApi.js';
import { expectExactlyOnce, freePort, LONG, pool, sleep, submitLetter, tempDir, waitFor } from './support/soakWorld.js';

const LETTERS = LONG ? 2_000 : 150;
const KILLS = LONG ? 5 : 3;
const dir = tempDir('postbud-soak-crash-');
let sandbox: RunningSandbox;
let gateway: ListeningChild | undefined;

beforeAll(async () => {
  // The gateway runs from its build: bring it up to date (no-op when it is).
  try {
    execFileSync('npx', ['tsc', '-b', 'gateway'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch (error) {
    // A type error elsewhere in the tree must not hide this test; a missing build must.
    if (!existsSync(GATEWAY_MAIN)) throw error;
    console.warn(`tsc -b gateway failed; using the existing ${GATEWAY_MAIN}`);
  }
  // Slow answers keep sends in flight, so kills land mid-send.
  sandbox = await startSandbox({ port: 0, dataDir: null, validation: 'light', deliveryDelayMs: 50, faults: 'slow=0.5:150', log: () => {} });
}, 240_000);

afterAll(async () => {
  if (gateway) await stopChild(gateway.child, 'SIGKILL');
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

test(`${KILLS} SIGKILLs at random moments during ${LETTERS} letters: each delivered exactly once, ledger consistent`, async () => {
  const port = await freePort();
  const config = writeGatewayConfig(dir, { sandboxUrl: sandbox.url, pollIntervalMs: 300 });
  const start = async () => (gateway = await startGatewayProcess(config, { leaseMs: 2_000, outboxIntervalMs: 200, logLevel: 'warn', portOverride: port }));
  await start();
  const token = await caseworkerToken(sandbox.url, SARA);
  const url = () => `http://127.0.0.1:${port}`;
  const submitting = pool(LETTERS, 6, (i) => submitLetter(url, token, i));
  const ledger = path.join(dir, 'ledger.sqlite');
  let kills = 0;
  for (; kills < KILLS; kills += 1) {
    await sleep(500 + Math.random() * 2_500); // a random moment: while accepting, sending, or fetching statuses
    await stopChild((gateway as ListeningChild).child, 'SIGKILL');
    await sleep(Math.random() * 500);
    await start();
  }
  const accepted = await submitting;
  expect(new Set(accepted).size).toBe(LETTERS);
  await waitFor('every letter delivered', () => (ledgerStates(ledger)['delivered'] ?? 0) >= LETTERS, LONG ? 1_200_000 : 120_000,
    () => ({ states: ledgerStates(ledger), rejected: rejectedLetters(ledger).slice(0, 5) }));
  await expectExactlyOnce(sandbox.url, accepted);
  const report = checkLedger(ledger);
  expect(report.problems).toEqual([]);
  expect(report.facts.letters).toBe(LETTERS); // idempotent re-submissions made no second letter
  expect(kills).toBe(KILLS);
}, LONG ? 1_800_000 : 240_000);
