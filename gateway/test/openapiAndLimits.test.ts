import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { startGateway } from '../src/startGateway.js';
import { createHttpServer } from '../src/http/createHttpServer.js';
import { toOpenApiPath } from '../src/http/buildOpenApi.js';
import { configFromObject } from '../src/config/loadConfig.js';
import { SqliteLedger } from '../src/ledger/SqliteLedger.js';
import { LetterService } from '../src/letters/LetterService.js';
import { NO_DIRECTORY } from '../src/directory/RecipientDirectory.js';
import { FakeRoute } from './FakeRoute.js';
import { startTestIssuer } from './TestIssuer.js';
import type { TestIssuer } from './TestIssuer.js';
import { aPdfBase64, aRawConfig, CONTACT_POINT, TEST_CPR, tempDir } from './fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(async () => {
  await issuer?.close();
});

const authFor = (i: TestIssuer) => ({ issuer: i.issuer, audience: i.audience, jwksUri: i.jwksUri, requiredScope: 'Postbud.Send' });

test('every route Fastify serves is in /openapi.json and every documented operation is served', async () => {
  const { config } = configFromObject(aRawConfig(), tempDir());
  const ledger = SqliteLedger.open(':memory:');
  const route = new FakeRoute();
  const letters = new LetterService({ config, ledger, plugins: new Map(), route, directory: NO_DIRECTORY, onAccepted: () => {} });
  const ctx = { config, ledger, letters, route, plugins: new Map(), version: 't', isReady: () => true };
  const { app, served } = await createHttpServer(ctx, async () => ({ id: 'x', groups: [] }), pino({ level: 'silent' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const doc = (await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  await app.close();
  const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
  const servedOps = served.map((s) => { const [m, u] = s.split(' '); return `${m} ${toOpenApiPath(u as string)}`; }).sort();
  expect(doc.openapi).toBe('3.1.0');
  expect(documented).toEqual(servedOps);
  expect(documented).toEqual(expect.arrayContaining([
    'GET /v1/me', 'POST /v1/lookup', 'GET /v1/companies', 'GET /v1/companies/{cvr}', 'POST /v1/letters', 'GET /v1/letters/{id}',
    'GET /v1/letters', 'GET /v1/replies', 'GET /v1/letters/{id}/replies', 'GET /v1/reports/replyability', 'GET /health', 'GET /ready',
  ]));
});

test('rate limits are per user, and oversized bodies are refused with 413', async () => {
  const gw = await startGateway({
    config: aRawConfig({ auth: authFor(issuer), server: { rateLimitMax: 3, rateLimitWindowMs: 60_000, bodyLimitBytes: 2048 } }),
    baseDir: tempDir(), ledgerFile: ':memory:', port: 0, route: new FakeRoute(), logger: pino({ level: 'silent' }), workers: { enabled: false },
  });
  try {
    const get = async (sub: string) => (await fetch(`${gw.url}/v1/me`, { headers: { authorization: `Bearer ${await issuer.mint({ sub })}` } })).status;
    const statuses = [await get('a'), await get('a'), await get('a'), await get('a'), await get('b')];
    expect(statuses).toEqual([200, 200, 200, 429, 200]);
    const big = await fetch(`${gw.url}/v1/letters`, {
      method: 'POST', headers: { authorization: `Bearer ${await issuer.mint({ sub: 'c' })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(4096) }),
    });
    expect(big.status).toBe(413);
  } finally {
    await gw.close();
  }
});

test('a plugin loaded by path gets receipt, status and reply events, again after its callback failed once', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'events.jsonl');
  const raw = aRawConfig({ auth: authFor(issuer) });
  (raw['senderSystems'] as Record<string, unknown>[]).push({
    id: 'sag', plugin: path.join(here, 'plugins/recordingPlugin.js'), pluginOptions: { file, failFirstReply: true },
    senderLabel: 'Eksempel Kommune, Familieafdelingen', contactPoints: [CONTACT_POINT], reply: { policy: 'always' }, groups: ['familie'],
  });
  const route = new FakeRoute();
  const gw = await startGateway({ config: raw, baseDir: dir, ledgerFile: path.join(dir, 'l.sqlite'), port: 0, route, logger: pino({ level: 'silent' }), workers: { enabled: false } });
  try {
    const res = await fetch(`${gw.url}/v1/letters`, {
      method: 'POST', headers: { authorization: `Bearer ${await issuer.mint({ groups: ['familie'] })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ senderSystem: 'sag', recipient: { type: 'cpr', cpr: TEST_CPR }, title: 'Indkaldelse', caseId: 'FAM-9', files: [{ filename: 'i.pdf', base64: await aPdfBase64() }] }),
    });
    const { id } = (await res.json()) as { id: string };
    await gw.tick();
    route.replies.push({ id: 'r-1', memoXml: '<memo/>', messageUUID: '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b', title: 'Svar', caseId: 'FAM-9', contactPointId: CONTACT_POINT });
    route.statuses.push({ id: 's-1', event: { eventId: 'bf:s-1', messageUUID: id, status: 'delivered', routeStatus: 'Afleveret Digital Post', occurredAt: new Date().toISOString() } });
    await gw.tick();
    await gw.tick();
    const events = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => e['kind'])).toEqual(['receipt', 'status', 'reply']);
    expect(events.every((e) => e['letterId'] === id && e['caseId'] === 'FAM-9' && e['senderSystemId'] === 'sag')).toBe(true);
    expect(events[2]).toMatchObject({ replyId: 'r-1', memoXml: '<memo/>', title: 'Svar' });
  } finally {
    await gw.close();
  }
});
