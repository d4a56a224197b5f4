/**
 * Letter request bodies that cannot be read or have the wrong JSON types: a typed 4xx
 * ErrorBody, never a 500 and never a coerced 202.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startGateway } from '../src/startGateway.js';
import type { RunningGateway } from '../src/startGateway.js';
import { createLogger } from '../src/logging/createLogger.js';
import { FakeRoute } from './FakeRoute.js';
import { startTestIssuer } from './TestIssuer.js';
import type { TestIssuer } from './TestIssuer.js';
import { aPdfBase64, aRawConfig, TEST_CPR, tempDir } from './fixtures.js';

let issuer: TestIssuer;
let gw: RunningGateway;
let pdf: string;
const route = new FakeRoute();
const logLines: string[] = [];

beforeAll(async () => {
  issuer = await startTestIssuer();
  pdf = await aPdfBase64();
  gw = await startGateway({
    config: aRawConfig({ auth: { issuer: issuer.issuer, audience: issuer.audience, jwksUri: issuer.jwksUri, requiredScope: 'Postbud.Send' } }),
    baseDir: tempDir(), ledgerFile: path.join(tempDir(), 'ledger.sqlite'), port: 0, route, workers: { enabled: false },
    logger: createLogger({ level: 'warn', destination: new Writable({ write(c, _e, cb) { logLines.push(String(c)); cb(); } }) as never }),
  });
});

afterAll(async () => {
  await gw?.close();
  await issuer?.close();
});

async function post(body: string, contentType: string): Promise<{ status: number; json: { error?: { code: string; message: string; details?: Record<string, unknown> } } }> {
  const res = await fetch(`${gw.url}/v1/letters`, { method: 'POST', headers: { authorization: `Bearer ${await issuer.mint()}`, 'content-type': contentType }, body });
  return { status: res.status, json: (await res.json()) as never };
}

const letter = (o: Record<string, unknown> = {}) => ({
  senderSystem: 'outlook', recipient: { type: 'cpr', cpr: TEST_CPR }, title: 'Afgørelse', files: [{ filename: 'brev.pdf', contentType: 'application/pdf', base64: pdf }], ...o,
});

test('JSON types are checked as sent, not coerced: a number or boolean where text is expected is a 400', async () => {
  for (const overrides of [{ title: 42 }, { caseId: 7 }, { notification: true }, { reply: { enabled: 'true' } }, { files: [{ filename: 12, base64: pdf }] }]) {
    const res = await post(JSON.stringify(letter(overrides)), 'application/json');
    expect([JSON.stringify(overrides).slice(0, 40), res.status, res.json.error?.code]).toEqual([JSON.stringify(overrides).slice(0, 40), 400, 'REQUEST_INVALID']);
  }
});

test('multipart bodies that cannot be parsed are a 400 ErrorBody, never a 500', async () => {
  const noBoundary = await post('garbage', 'multipart/form-data');
  expect([noBoundary.status, noBoundary.json.error?.code]).toEqual([400, 'REQUEST_INVALID']);
  expect(noBoundary.json.error?.message).toContain('boundary');
  const truncated = await post('--xyz\r\nContent-Disposition: form-data; name="letter"\r\n\r\n{"title":', 'multipart/form-data; boundary=xyz');
  expect(truncated.status).toBeGreaterThanOrEqual(400);
  expect(truncated.status).toBeLessThan(500);
  const wrongBoundary = await post('--abc\r\nContent-Disposition: form-data; name="letter"\r\n\r\n{}\r\n--abc--\r\n', 'multipart/form-data; boundary=xyz');
  expect([wrongBoundary.status, wrongBoundary.json.error?.code]).toEqual([400, 'REQUEST_INVALID']);
  expect(logLines.filter((l) => l.includes('unexpected error'))).toEqual([]);
});
