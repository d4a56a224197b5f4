/**
 * Production credentials: the gateway on route `sf1601` loads the certificate the config
 * names (PEM + key, or PKCS#12 with the passphrase from an environment variable) and sends a
 * letter over real mutual TLS to the sandbox started with `tls: true` (whose STS insists that
 * the UseKey is the certificate presented on the connection).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { pino } from 'pino';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox } from '@postbud/sandbox';
import { startGateway } from '../src/startGateway.js';
import { aPdfBase64, tempDir } from './fixtures.js';

let sandbox: RunningSandbox;
let dir: string;
const GROUP = 'borgerservice';

beforeAll(async () => {
  dir = tempDir();
  sandbox = await startSandbox({ port: 0, dataDir: null, tls: true, tlsDir: path.join(dir, 'tls'), xsdDir: null, deliveryDelayMs: 0, log: () => {} });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

function config(route: Record<string, unknown>): Record<string, unknown> {
  return {
    authority: { cvr: '29999902', name: 'Solbjerg Kommune' },
    route: { kind: 'sf1601', environment: 'test', url: sandbox.url, caFile: sandbox.tls?.caCertPath, ...route },
    senderSystems: [{ id: 'outlook', plugin: 'outlook', senderLabel: 'Solbjerg Kommune, Borgerservice', groups: [GROUP] }],
    // Production-like issuer (https); letters here come in through submit(), so no token is fetched.
    auth: { issuer: 'https://login.example.invalid/tenant/v2.0', audience: 'api://postbud-gateway', jwksUri: 'https://login.example.invalid/keys' },
  };
}

async function sendOne(route: Record<string, unknown>, env: Record<string, string> = {}): Promise<string> {
  const gw = await startGateway({ config: config(route), baseDir: dir, ledgerFile: path.join(tempDir(), 'l.sqlite'), port: 0, env, logger: pino({ level: 'silent' }), workers: { enabled: false } });
  try {
    const { letter } = await gw.submit('outlook', { recipient: { type: 'cpr', cpr: '0101901234' }, title: 'Brev over mTLS', files: [{ filename: 'b.pdf', base64: await aPdfBase64() }] }, { caller: { id: 'cw-tls', groups: [GROUP] } });
    await gw.tick();
    const stored = await gw.ledger.getLetter(letter.id);
    expect(stored?.channel).toBe('digital');
    expect(['sent', 'delivered']).toContain(stored?.state); // delivered: the status event was pulled over mTLS too
    return letter.id;
  } finally {
    await gw.close();
  }
}

async function inSandbox(id: string): Promise<number> {
  // The control API is on the same TLS port; present the client certificate and trust the CA.
  const { Agent, request } = await import('node:https');
  const tls = sandbox.tls;
  const agent = new Agent({ ca: tls?.caCertPem, cert: tls?.clientCertPem, key: tls?.clientKeyPem });
  return new Promise((resolve, reject) => {
    request(`${sandbox.url}/_sandbox/letters?messageUuid=${id}`, { agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve((JSON.parse(body) as unknown[]).length));
    }).on('error', reject).end();
  });
}

test('PEM certificate + key files: the letter goes over mutual TLS and reaches the sandbox', async () => {
  const id = await sendOne({ certificateFile: sandbox.tls?.clientCertPath, keyFile: sandbox.tls?.clientKeyPath });
  expect(await inSandbox(id)).toBe(1);
}, 30_000);

test('PKCS#12 with the passphrase from an environment variable works; a wrong passphrase stops the gateway at start', async () => {
  const tls = sandbox.tls;
  const p12 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(tls?.clientKeyPem ?? ''), [forge.pki.certificateFromPem(tls?.clientCertPem ?? '')], 'hemmeligt-løsen', { algorithm: '3des' });
  const pfx = path.join(dir, 'system.p12');
  writeFileSync(pfx, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  const route = { certificateFile: pfx, passphraseEnv: 'POSTBUD_CERT_PASSPHRASE' };
  const id = await sendOne(route, { POSTBUD_CERT_PASSPHRASE: 'hemmeligt-løsen' });
  expect(await inSandbox(id)).toBe(1);
  await expect(startGateway({ config: config(route), baseDir: dir, ledgerFile: ':memory:', port: 0, env: { POSTBUD_CERT_PASSPHRASE: 'forkert' }, logger: pino({ level: 'silent' }) }))
    .rejects.toMatchObject({ code: 'CERTIFICATE_INVALID' });
  await expect(startGateway({ config: config(route), baseDir: dir, ledgerFile: ':memory:', port: 0, env: {}, logger: pino({ level: 'silent' }) }))
    .rejects.toThrow(/POSTBUD_CERT_PASSPHRASE/);
  expect(readFileSync(pfx).length).toBeGreaterThan(0);
}, 30_000);
