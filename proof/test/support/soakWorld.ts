/**
 * Shared parts of the soak tests: the scale (POSTBUD_SOAK=long runs the full sizes with
 * the same code), submitting letters to a gateway with Idempotency-Keys (retrying when the
 * gateway is down), replies made in the sandbox, and the exactly-once comparison.
 */
import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pdfOfSize, gatewayLetterJson } from '../../src/support/letters.js';
import { messageUuidCounts, sandboxLetters } from '../../src/support/sandboxApi.js';

export const LONG = process.env['POSTBUD_SOAK'] === 'long';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fault spec hitting every kind the sandbox knows; together ~30 % of wire requests fail. */
export const EVERY_FAULT = '500=0.05,503=0.05:0,429=0.05:0,reset=0.05,drop=0.06,expire=0.05,sts=0.3,slow=0.05:150';
/**
 * The same without `expire` (the expired-token case runs as its own soak: the SDK renews a
 * refused token within its retry budget, and the gateway never rejects a letter for a fault
 * that is not the letter's own).
 */
export const EVERY_FAULT_BUT_EXPIRE = '500=0.06,503=0.06:0,429=0.06:0,reset=0.06,drop=0.07,sts=0.3,slow=0.05:150';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const PDF = pdfOfSize(2048).toString('base64');

/**
 * Posts one letter with an Idempotency-Key until the gateway answers 200/202 (network errors
 * and 5xx while it is down or restarting are retried). Returns the letter id.
 */
export async function submitLetter(baseUrl: () => string, token: string, i: number, key = randomUUID(), deadlineMs = 300_000): Promise<string> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl()}/v1/letters`, {
        method: 'POST', signal: AbortSignal.timeout(20_000),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: gatewayLetterJson({ title: `Soak ${i}`, pdfBase64: PDF, caseId: `SOAK-${i}` }),
      });
      if (res.status === 202 || res.status === 200) return ((await res.json()) as { id: string }).id.toLowerCase();
      if (res.status < 500) throw new Error(`letter ${i} refused: ${res.status} ${await res.text()}`);
    } catch (error) {
      if (String(error).includes('refused:')) throw error;
    }
    if (Date.now() > until) throw new Error(`letter ${i} not accepted within ${deadlineMs} ms`);
    await sleep(100);
  }
}

/** Runs `task(i)` for i < n with `concurrency` workers. */
export async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(n);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = next++;
      out[i] = await task(i);
    }
  }));
  return out;
}

/** Waits until `done()` is true; fails with `describe()` after `maxMs`. */
export async function waitFor(what: string, done: () => Promise<boolean> | boolean, maxMs: number, describe: () => unknown = () => ''): Promise<void> {
  const until = Date.now() + maxMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await describe())}`);
    await sleep(250);
  }
}

/** Every accepted id is in the sandbox exactly once, and nothing else is. */
export async function expectExactlyOnce(sandboxUrl: string, accepted: readonly string[]): Promise<void> {
  const counts = await messageUuidCounts(sandboxUrl);
  expect(accepted.filter((id) => counts.get(id) !== 1).map((id) => `${id}×${counts.get(id) ?? 0}`)).toEqual([]);
  const known = new Set(accepted);
  expect([...counts.keys()].filter((id) => !known.has(id))).toEqual([]);
}

/** Creates a citizen's reply in the sandbox for every `every`-th of the accepted letters. */
/**
 * A citizen's reply to a letter. A letter that reached the sandbox a moment ago may not be
 * delivered to the mailbox yet (the sandbox's delivery delay), and only delivered letters can
 * be answered: that refusal is retried for a while, any other is an error.
 */
async function replyOnceDelivered(sandboxUrl: string, letterId: string, maxMs = 30_000): Promise<string> {
  const until = Date.now() + maxMs;
  for (;;) {
    const res = await fetch(`${sandboxUrl}/_sandbox/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ letterId, text: 'Tak for brevet.' }) });
    if (res.status === 201) return ((await res.json()) as { id: string }).id.toLowerCase();
    const body = await res.text();
    if (res.status !== 409 || !body.includes('not-delivered') || Date.now() > until) throw new Error(`reply to ${letterId} refused: ${res.status} ${body}`);
    await sleep(100);
  }
}

export async function makeReplies(sandboxUrl: string, accepted: readonly string[], every: number): Promise<string[]> {
  const wanted = new Set(accepted.filter((_, i) => i % every === 0));
  const made: string[] = [];
  for (const l of await sandboxLetters(sandboxUrl)) {
    if (!wanted.has(String(l.messageUuid).toLowerCase())) continue;
    made.push(await replyOnceDelivered(sandboxUrl, l.id));
  }
  return made;
}
