/**
 * A gateway on a free loopback port with a test token issuer, a fake route and captured logs,
 * plus helpers to POST raw letter bodies: shared by the intake tests that only care about how
 * `/v1/letters` answers a body.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { startGateway } from '../../src/startGateway.js';
import type { RunningGateway } from '../../src/startGateway.js';
import { createLogger } from '../../src/logging/createLogger.js';
import { FakeRoute } from '../FakeRoute.js';
import { startTestIssuer } from '../TestIssuer.js';
import type { TestIssuer } from '../TestIssuer.js';
import { aPdfBase64, aRawConfig, TEST_CPR, tempDir } from '../fixtures.js';

export interface PostedLetter {
  readonly status: number;
  readonly json: { error?: { code: string; message: string; details?: Record<string, unknown> } };
}

export interface LetterApiHarness {
  readonly gw: RunningGateway;
  readonly route: FakeRoute;
  readonly logLines: readonly string[];
  /** A valid PDF, base64. */
  readonly pdf: string;
  /** A valid letter request for the `outlook` sender system, with `overrides` applied. */
  letter(overrides?: Record<string, unknown>): Record<string, unknown>;
  post(body: string | Uint8Array, contentType: string): Promise<PostedLetter>;
  close(): Promise<void>;
}

export async function startLetterApiHarness(): Promise<LetterApiHarness> {
  const issuer: TestIssuer = await startTestIssuer();
  const pdf = await aPdfBase64();
  const route = new FakeRoute();
  const logLines: string[] = [];
  const gw = await startGateway({
    config: aRawConfig({ auth: { issuer: issuer.issuer, audience: issuer.audience, jwksUri: issuer.jwksUri, requiredScope: 'Postbud.Send' } }),
    baseDir: tempDir(), ledgerFile: path.join(tempDir(), 'ledger.sqlite'), port: 0, route, workers: { enabled: false },
    logger: createLogger({ level: 'warn', destination: new Writable({ write(c, _e, cb) { logLines.push(String(c)); cb(); } }) as never }),
  });
  return {
    gw, route, logLines, pdf,
    letter: (o = {}) => ({
      senderSystem: 'outlook', recipient: { type: 'cpr', cpr: TEST_CPR }, title: 'Afgørelse',
      files: [{ filename: 'brev.pdf', contentType: 'application/pdf', base64: pdf }], ...o,
    }),
    async post(body, contentType) {
      const res = await fetch(`${gw.url}/v1/letters`, { method: 'POST', headers: { authorization: `Bearer ${await issuer.mint()}`, 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) });
      return { status: res.status, json: (await res.json()) as PostedLetter['json'] };
    },
    async close() {
      await gw.close();
      await issuer.close();
    },
  };
}
