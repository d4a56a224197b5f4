/**
 * Crash safety: the gateway runs as a child process against an in-process sandbox; a batch of
 * letters is accepted, the gateway is killed with SIGKILL mid-send, restarted on the same
 * SQLite ledger, and the sandbox must hold every accepted letter exactly once (by messageUUID).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox } from '@postbud/sandbox';
import { aPdfBase64, tempDir } from './fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const entry = path.join(root, 'gateway/dist/main.js');
const SARA = 'sara.sagsbehandler@solbjerg.example';
const BORGERSERVICE_CP = '32b4dc44-0652-4f7c-93b8-d00a533a30f7';
let sandbox: RunningSandbox;
const children: ChildProcess[] = [];

beforeAll(async () => {
  execFileSync('npx', ['tsc', '-b', 'gateway'], { cwd: root, stdio: 'pipe' });
  // Every sandbox answer is slowed, so the kill lands while sends are in flight.
  sandbox = await startSandbox({ port: 0, dataDir: null, faults: 'slow=1:400', log: () => {} });
}, 240_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sandbox?.close();
});

function writeConfig(dir: string): string {
  const file = path.join(dir, 'postbud.config.yaml');
  writeFileSync(file, stringify({
    authority: { cvr: '29999902', name: 'Solbjerg Kommune' },
    route: { kind: 'sandbox', url: sandbox.url, pollIntervalMs: 60_000 },
    contactPoints: [{ id: BORGERSERVICE_CP, label: 'Borgerservice' }],
    senderSystems: [{
      id: 'outlook', plugin: 'outlook', senderLabel: 'Solbjerg Kommune, Borgerservice', contactPoints: [BORGERSERVICE_CP],
      reply: { policy: 'caseworker-choice', default: true }, channel: 'digital-only', groups: ['0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31'],
    }],
    auth: { issuer: `${sandbox.url}/idp`, audience: 'api://postbud-gateway', requiredScope: 'Letters.Send' },
    server: { host: '127.0.0.1', port: 0 },
    ledger: { file: 'ledger.sqlite' },
  }));
  return file;
}

function startChild(config: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [entry, '--config', config, '--lease-ms', '1500', '--outbox-interval-ms', '200', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.once('exit', (code) => reject(new Error(`gateway exited early (${code})`)));
  });
}

async function sandboxUuids(): Promise<string[]> {
  const letters = (await (await fetch(`${sandbox.url}/_sandbox/letters`)).json()) as { messageUuid?: string }[];
  return letters.map((l) => String(l.messageUuid).toLowerCase());
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('after SIGKILL mid-send and a restart on the same ledger, every accepted letter reaches the sandbox exactly once', async () => {
  const dir = tempDir();
  const config = writeConfig(dir);
  const first = await startChild(config);
  const tokenRes = await fetch(`${sandbox.url}/idp/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', username: SARA }) });
  const token = ((await tokenRes.json()) as { access_token: string }).access_token;
  const pdf = await aPdfBase64();
  const accepted: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const res = await fetch(`${first.url}/v1/letters`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ senderSystem: 'outlook', recipient: { type: 'cpr', cpr: '0101901234' }, title: `Brev ${i}`, files: [{ filename: `brev-${i}.pdf`, base64: pdf }] }),
    });
    expect(res.status).toBe(202);
    accepted.push(((await res.json()) as { id: string }).id);
  }
  // Kill as soon as the first letters have landed: the rest are in flight or still queued.
  for (let t = 0; t < 200 && (await sandboxUuids()).length === 0; t += 1) await sleep(50);
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  const atKill = (await sandboxUuids()).length;
  expect(atKill).toBeGreaterThan(0);
  expect(atKill).toBeLessThan(accepted.length);

  const second = await startChild(config);
  let received: string[] = [];
  for (let t = 0; t < 300; t += 1) {
    received = await sandboxUuids();
    if (accepted.every((id) => received.includes(id))) break;
    await sleep(200);
  }
  const counts = new Map<string, number>();
  for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect(accepted.filter((id) => counts.get(id) !== 1)).toEqual([]);
  expect(received.filter((id) => !accepted.includes(id))).toEqual([]);
  const states = async () => ((await (await fetch(`${second.url}/v1/letters?limit=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as { letters: { id: string; state: string; attempts: number }[] }).letters;
  let letters = await states();
  const done = (s: string) => s === 'sent' || s === 'delivered';
  for (let t = 0; t < 100 && !letters.every((l) => done(l.state)); t += 1) letters = (await sleep(100), await states());
  expect(letters.map((l) => l.state).filter((s) => !done(s))).toEqual([]);
  expect(letters).toHaveLength(accepted.length);
  // Letters in flight at the kill were claimed again after their lease expired.
  expect(letters.some((l) => l.attempts > 1)).toBe(true);
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));
}, 180_000);
