/**
 * Operation: status push to an HTTP endpoint, state kept across a restart (SQLite file),
 * validation mode (official XSDs when present) with XSD-lenient acceptance, mutual TLS.
 */
import { afterEach, expect, test } from '@jest/globals';
import http from 'node:http';
import https from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID, X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { sharedReference } from '../../test-support/sharedReference.js';
import { kombiRequest, letterXml, NGDP_AUTH, serviceHeaders, stsRequest, ENTITY } from './support/wire.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
async function start(o: Parameters<typeof startSandbox>[0]): Promise<RunningSandbox> {
  const sb = await startSandbox({ port: 0, ...o });
  cleanup.push(() => sb.close());
  return sb;
}
const send = (sb: RunningSandbox, xml: string, uuid: string) =>
  fetch(`${sb.url}/apis/v1/memos/?memo-message-uuid=${uuid}`, { method: 'POST', headers: { authorization: NGDP_AUTH, 'content-type': 'application/xml' }, body: xml });

test('status messages are pushed as PostStatusBeskedModtag XML to the configured endpoint', async () => {
  const received: { type: string | undefined; body: string }[] = [];
  const sink = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ type: req.headers['content-type'], body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise<void>((r) => sink.close(() => r())));
  const sb = await start({ statusPushUrl: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/beskedfordeler/PostStatusBeskedModtag`, deliveryDelayMs: 60_000 });
  const { xml, uuid } = letterXml();
  expect((await send(sb, xml, uuid)).status).toBe(201);
  await sb.deliverNow();
  expect(received).toHaveLength(2);
  expect(received[0]!.type).toBe('application/xml');
  const payloads = received.map((r) => Buffer.from(/<Base64[^>]*>([^<]+)</.exec(r.body)![1]!, 'base64').toString());
  expect(payloads[1]).toContain(`<MessageUUID>${uuid}</MessageUUID>`);
  expect(payloads[1]).toContain('<TransaktionsStatusKode>Afleveret Digital Post</TransaktionsStatusKode>');
  expect(received[1]!.body).toContain('<ns4:ModtagBeskedInput');
  expect(sb.store.events({ messageUuid: uuid }).every((e) => e.pushState === 'pushed')).toBe(true);
});

test('a restart keeps letters and delivers what was pending', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'postbud-sandbox-state-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const first = await startSandbox({ port: 0, dataDir: dir, deliveryDelayMs: 60_000 });
  const { xml, uuid } = letterXml();
  const receipt = (await (await send(first, xml, uuid)).json()) as { transmissionId: string };
  await first.close();
  const second = await start({ dataDir: dir, deliveryDelayMs: 60_000 });
  expect(second.store.letter(receipt.transmissionId)?.status).toBe('accepted');
  await second.deliverNow();
  expect(second.store.letter(receipt.transmissionId)?.status).toBe('delivered');
  const again = await send(second, xml, uuid);
  expect(((await again.json()) as { transmissionId: string }).transmissionId).toBe(receipt.transmissionId);
});

const xsdDir = sharedReference('memo');
const withXsd = xsdDir ? test : test.skip;

withXsd('with the official XSDs the sandbox validates like production and is lenient where the XSD is', async () => {
  const sb = await start({ xsdDir, deliveryDelayMs: 60_000 });
  expect(sb.validation).toBe('xsd');
  expect(sb.banner).toContain('official MeMo XSDs');
  // Accepted: things the XSD allows though the SDK would advise against (as in official examples).
  const { xml, uuid } = letterXml();
  const upper = uuid.toUpperCase();
  const lenient = xml
    .replaceAll(uuid, upper)
    .replace('<memo:senderID>29999902</memo:senderID>', '<memo:senderID>12345678</memo:senderID>');
  expect((await send(sb, lenient, upper)).status).toBe(201);
  // Refused by the XSD: element order.
  const swapped = letterXml();
  const bad = swapped.xml.replace(/(<memo:messageType>[^<]*<\/memo:messageType>)(\s*)(<memo:messageUUID>[^<]*<\/memo:messageUUID>)/, '$3$2$1');
  expect(bad).not.toBe(swapped.xml);
  const res = await send(sb, bad, swapped.uuid);
  expect(res.status).toBe(400);
  expect(((await res.json()) as { fieldErrors: { code: string }[] }).fieldErrors.map((f) => f.code)).toContain('XSD');
});

test('without XSDs the SDK rules are used and the banner says so; light mode skips them', async () => {
  const sdkMode = await start({ xsdDir: null });
  expect(sdkMode.validation).toBe('sdk');
  expect(sdkMode.banner).toContain("SDK's own MeMo rules");
  const light = await start({ validation: 'light' });
  expect(light.validation).toBe('light');
});

test('--tls serves HTTPS with mutual TLS; the STS UseKey must be the presented client certificate', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'postbud-sandbox-tls-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const sb = await start({ tls: true, tlsDir: dir, deliveryDelayMs: 60_000 });
  expect(sb.url).toMatch(/^https:/);
  const tls = sb.tls!;
  const clientDer = new X509Certificate(tls.clientCertPem).raw.toString('base64');
  const call = (p: string, o: { method?: string; headers?: Record<string, string>; body?: string; cert?: boolean }) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = https.request(`${sb.url}${p}`, { method: o.method ?? 'GET', headers: o.headers ?? {}, ca: tls.caCertPem, ...(o.cert === false ? {} : { cert: tls.clientCertPem, key: tls.clientKeyPem }) }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end(o.body);
    });
  const sts = (useKey: string, cert = true) => call('/runtime/api/rest/wstrust/v1/issue', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(stsRequest(ENTITY.kombi, '29999902', useKey)), cert });
  expect((await sts(clientDer, false)).status).toBe(401);
  const other = new X509Certificate(tls.caCertPem).raw.toString('base64');
  expect((await sts(other)).status).toBe(401);
  const ok = await sts(clientDer);
  expect(ok.status).toBe(200);
  const assertion = (JSON.parse(ok.body) as { RequestedSecurityToken: { Assertion: string } }).RequestedSecurityToken.Assertion;
  const tok = await call('/service/AccessTokenService_1/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ 'saml-token': assertion }).toString() });
  const token = (JSON.parse(tok.body) as { access_token: string }).access_token;
  const { xml } = letterXml();
  const sent = await call('/service/KombiPostAfsend_1/kombi', { method: 'POST', headers: serviceHeaders(token, { 'content-type': 'application/xml' }), body: kombiRequest('Digital Post', xml) });
  expect(sent.body).toContain('<Result>true</Result>');
  expect((await call('/postkasse', {})).status).toBe(200);
  expect(randomUUID()).toBeTruthy();
});
