import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createTestPki, type TestPki } from '../../../test/client/testCertificates.js';
import { createFakeServices, type FakeServices } from '../../../test/client/fakeServices.js';
import { aLetter, clientOptions, sequentialUuids } from '../../../test/client/fixtures.js';
import { DigitalPostClient } from '../../client/DigitalPostClient.js';
import { isPostbudError } from '../../errors/PostbudError.js';
import { createNodeTransport } from './createNodeTransport.js';
import { loadClientCertificate } from './loadClientCertificate.js';

let pki: TestPki;
let server: Server;
let services: FakeServices;
let baseUrl: string;

beforeAll(async () => {
  pki = createTestPki();
  services = createFakeServices();
  server = createServer({ key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requestCert: true, rejectUnauthorized: true }, (req, res) => services.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  pki.cleanup();
});

function clientWith(transport: ReturnType<typeof createNodeTransport>, certificateBase64: string, service: 'sf1601' | 'ngdp' = 'sf1601'): DigitalPostClient {
  return new DigitalPostClient(clientOptions({ environment: 'test', baseUrl, transport, service, credentials: { certificateBase64, ngdpApiToken: { username: 'u', token: 't' } }, retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 2 } }));
}

test('the right certificate (PEM files) works; the STS UseKey is the certificate presented on the TLS connection', async () => {
  const certificate = await loadClientCertificate({ certFile: pki.clientCertFile, keyFile: pki.clientKeyFile });
  expect(certificate.subject).toContain('Postbud test system');
  const client = clientWith(createNodeTransport({ certificate, ca: pki.caCert }), certificate.certificateBase64);
  const result = await client.send(aLetter());
  expect(result.transmissionId).toBeDefined();
  expect(services.useKeys.at(-1)).toBe(certificate.certificateBase64);
});

test('PKCS#12 with passphrase works the same; a wrong passphrase is CERTIFICATE_INVALID before any connection', async () => {
  const certificate = await loadClientCertificate({ pfxFile: pki.clientP12File, passphrase: pki.p12Passphrase });
  const pem = await loadClientCertificate({ cert: pki.clientCert, key: pki.clientKey });
  expect(certificate.certificateBase64).toBe(pem.certificateBase64);
  await expect(new DigitalPostClient(clientOptions({ environment: 'test', baseUrl, service: 'ngdp', uuid: sequentialUuids('b'), transport: createNodeTransport({ certificate, ca: pki.caCert }), credentials: { ngdpApiToken: { username: 'u', token: 't' } } })).send(aLetter())).resolves.toMatchObject({ receiptStatus: 'RECEIVED' });
  await expect(loadClientCertificate({ pfxFile: pki.clientP12File, passphrase: 'wrong' })).rejects.toMatchObject({ code: 'CERTIFICATE_INVALID' });
  await expect(loadClientCertificate({ cert: pki.clientCert, key: pki.rogueKey })).rejects.toMatchObject({ code: 'CERTIFICATE_INVALID' });
  await expect(loadClientCertificate({ certFile: '/nonexistent.crt', keyFile: '/nonexistent.key' })).rejects.toMatchObject({ code: 'CERTIFICATE_MISSING' });
});

test('no client certificate: the server refuses the handshake and the error says TLS/certificate', async () => {
  const pem = await loadClientCertificate({ cert: pki.clientCert, key: pki.clientKey });
  const error = await clientWith(createNodeTransport({ ca: pki.caCert }), pem.certificateBase64).send(aLetter()).catch((e: unknown) => e);
  expect(isPostbudError(error)).toBe(true);
  expect((error as { code: string }).code).toBe('TLS_ERROR');
  expect((error as Error).message).toMatch(/certificate/i);
});

test('a certificate from another CA is refused with TLS_ERROR', async () => {
  const rogue = await loadClientCertificate({ cert: pki.rogueCert, key: pki.rogueKey });
  const before = services.useKeys.length;
  const error = await clientWith(createNodeTransport({ certificate: rogue, ca: pki.caCert }), rogue.certificateBase64).send(aLetter()).catch((e: unknown) => e);
  expect((error as { code: string }).code).toBe('TLS_ERROR');
  expect((error as Error).message).toMatch(/client certificate/);
  expect(services.useKeys.length).toBe(before);
});

test('an untrusted server certificate is refused with TLS_ERROR', async () => {
  const pem = await loadClientCertificate({ cert: pki.clientCert, key: pki.clientKey });
  const error = await clientWith(createNodeTransport({ certificate: pem }), pem.certificateBase64).send(aLetter()).catch((e: unknown) => e);
  expect((error as { code: string }).code).toBe('TLS_ERROR');
});
