/**
 * Text with characters a letter cannot carry (XML 1.0: C0 controls but tab/LF/CR, U+FFFE/FFFF,
 * lone surrogates) is refused at intake with 422 naming the field, in every field: also those
 * that never reach the MeMo (physical address, body, reply-off reason).
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

test('a character XML 1.0 cannot carry, in any text field, is refused with 422 LETTER_INVALID naming the field', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ title: 'Brev til 0101901234 \u0000\u0007\u001b[2J' }, 'title'],
    [{ title: 'Brev \u001b[31m' }, 'title'],
    [{ notification: 'Ny post\u0008' }, 'notification'],
    [{ caseId: 'SAG\u00011' }, 'caseId'],
    [{ recipient: { type: 'cpr', cpr: TEST_CPR, name: 'Sara\u0000' } }, 'recipient.name'],
    [{ physicalAddress: { name: 'Sara', street: 'Møllevej 8\u000B', postCode: '8000', city: 'Aarhus' } }, 'physicalAddress.street'],
    [{ reply: { enabled: false, offReason: 'ingen\uFFFF' } }, 'reply.offReason'],
    [{ files: [{ filename: 'brev\u0002.pdf', contentType: 'application/pdf', base64: pdf }] }, 'files[0].filename'],
    [{ body: { html: '<p>Hej\u0000</p>' }, files: [] }, 'body.html'],
    [{ title: 'Halv \uD800 surrogat' }, 'title'],
  ];
  for (const [overrides, field] of cases) {
    const res = await post(JSON.stringify(letter(overrides)), 'application/json');
    expect([field, res.status, res.json.error?.code, res.json.error?.details?.['field']]).toEqual([field, 422, 'LETTER_INVALID', field]);
    expect(res.json.error?.message).toMatch(new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}: contains the character U\\+`));
  }
  expect(route.sendCalls).toBe(0);
  // Tab, line feed and carriage return are text: accepted.
  expect((await post(JSON.stringify(letter({ title: 'Afgørelse\tom\r\nboligstøtte' })), 'application/json')).status).toBe(202);
});
