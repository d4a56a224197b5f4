/**
 * The sandbox never crashes on bad input: every wire endpoint gets garbage, truncated XML/JSON,
 * wrong methods and oversized declarations, and answers with a 4xx in its own error shape.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { accessToken, ENTITY, NGDP_AUTH, serviceHeaders } from './support/wire.js';

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, validation: 'light' });
  token = await accessToken(sb.url, ENTITY.kombi);
});
afterAll(async () => {
  await sb.close();
});

const targets = () => [
  { path: '/runtime/api/rest/wstrust/v1/issue', headers: { 'content-type': 'application/json' } },
  { path: '/service/AccessTokenService_1/token', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  { path: '/service/KombiPostAfsend_1/kombi', headers: serviceHeaders(token, { 'content-type': 'application/xml' }) },
  { path: '/apis/v1/memos/?memo-message-uuid=3b0c4b8e-7a46-4f4e-9a43-0d5e3c1f2a10', headers: { authorization: NGDP_AUTH, 'content-type': 'application/xml' } },
  { path: '/_sandbox/replies', headers: { 'content-type': 'application/json' } },
  { path: '/idp/token', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
];

test('random bodies on every POST endpoint get a 4xx, never a crash or a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 300 }), fc.constantFrom('<', '<kombi_request>', '{"a":', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', '<memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1"/>')), async (body) => {
      for (const t of targets()) {
        const res = await fetch(`${sb.url}${t.path}`, { method: 'POST', headers: t.headers, body: typeof body === 'string' ? body : Buffer.from(body) });
        await res.arrayBuffer();
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }),
    { numRuns: 25 },
  );
});

test('wrong methods, unknown paths, bad URLs and oversized bodies are refused cleanly', async () => {
  expect((await fetch(`${sb.url}/apis/v1/memos/`, { method: 'PUT' })).status).toBe(405);
  expect((await fetch(`${sb.url}/nowhere`)).status).toBe(404);
  expect((await fetch(`${sb.url}/apis/v1/memos/%E0%A4%A`, { headers: { authorization: NGDP_AUTH } })).status).toBe(404);
  const big = await fetch(`${sb.url}/runtime/api/rest/wstrust/v1/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024) });
  expect(big.status).toBe(413);
  expect((await fetch(`${sb.url}/_sandbox/status`)).status).toBe(200);
});
