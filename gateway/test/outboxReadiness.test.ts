/**
 * A route that refuses the gateway's credentials (e.g. an expired certificate) must not cost
 * letters: the letter stays in the outbox, and /ready says `degraded` with the reason while
 * still answering 200 (the gateway keeps accepting letters).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import path from 'node:path';
import { Writable } from 'node:stream';
import { PostbudError } from '@postbud/sdk';
import { startGateway } from '../src/startGateway.js';
import type { RunningGateway } from '../src/startGateway.js';
import { createLogger } from '../src/logging/createLogger.js';
import { FakeRoute } from './FakeRoute.js';
import { startTestIssuer } from './TestIssuer.js';
import type { TestIssuer } from './TestIssuer.js';
import { aPdfBase64, aRawConfig, TEST_CPR, tempDir } from './fixtures.js';

let issuer: TestIssuer;
let gw: RunningGateway;
const route = new FakeRoute();

beforeAll(async () => {
  issuer = await startTestIssuer();
  gw = await startGateway({
    config: aRawConfig({ auth: { issuer: issuer.issuer, audience: issuer.audience, jwksUri: issuer.jwksUri, requiredScope: 'Postbud.Send' } }),
    baseDir: tempDir(), ledgerFile: path.join(tempDir(), 'ledger.sqlite'), port: 0, route, workers: { enabled: false },
    logger: createLogger({ level: 'warn', destination: new Writable({ write(_c, _e, cb) { cb(); } }) as never }),
  });
});

afterAll(async () => {
  await gw?.close();
  await issuer?.close();
});

test('a credential refusal keeps the letter accepted in the outbox and makes /ready say degraded (200) with the reason', async () => {
  const body = { senderSystem: 'outlook', recipient: { type: 'cpr', cpr: TEST_CPR }, title: 'Afgørelse', files: [{ filename: 'brev.pdf', contentType: 'application/pdf', base64: await aPdfBase64() }] };
  const res = await fetch(`${gw.url}/v1/letters`, { method: 'POST', headers: { authorization: `Bearer ${await issuer.mint()}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  route.failNext = new PostbudError('AUTH_FAILED', 'KOMBIT STS was refused (HTTP 401). Check the certificate.', { fault: 'client', details: { status: 401 } });
  await gw.tick();
  expect((await gw.ledger.getLetter(id))?.state).toBe('accepted');
  const ready = await fetch(`${gw.url}/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'degraded', checks: { ledger: true, route: { ok: false, consecutiveFailures: 1, lastError: expect.stringContaining('AUTH_FAILED') } } });
});
