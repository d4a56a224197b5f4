import { afterAll, beforeAll, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorFromException } from '../../transport/mapTransportError.js';
import { createNodeTransport } from './createNodeTransport.js';

let server: http.Server;
let base: string;
const seen: { method: string; length: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', length: req.headers['content-length'], body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/reset') {
        // Headers and half a body, then the connection dies.
        res.writeHead(200, { 'content-length': '100' });
        res.write('half');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
      res.writeHead(201, { 'Content-Type': 'application/xml', 'X-Twice': ['a', 'b'] });
      res.end(`<ok>${req.headers['x-id'] ?? ''}</ok>`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

test('sends method, headers and a UTF-8 body with its byte length, and returns status, lower-cased headers and body', async () => {
  const transport = createNodeTransport();
  const response = await transport.send({ method: 'POST', url: `${base}/x`, headers: { 'X-Id': '7', 'Content-Type': 'application/xml' }, body: '<brev>Afgørelse</brev>' }, { signal: new AbortController().signal });
  expect(response.status).toBe(201);
  expect(response.headers['content-type']).toBe('application/xml');
  expect(response.headers['x-twice']).toBe('a, b');
  expect(Buffer.from(response.body).toString('utf8')).toBe('<ok>7</ok>');
  expect(seen.at(-1)).toEqual({ method: 'POST', length: String(Buffer.byteLength('<brev>Afgørelse</brev>')), body: '<brev>Afgørelse</brev>' });
});

test('reuses kept-alive connections across requests', async () => {
  const transport = createNodeTransport({ maxSockets: 1 });
  const sockets = new Set<unknown>();
  const listener = (_req: http.IncomingMessage, res: http.ServerResponse) => sockets.add(res.socket);
  server.on('request', listener);
  for (let i = 0; i < 5; i++) await transport.send({ method: 'GET', url: `${base}/k`, headers: {} }, { signal: new AbortController().signal });
  server.off('request', listener);
  expect(sockets.size).toBe(1);
});

test('a connection that dies mid-response is a retryable network error, not a short answer', async () => {
  const transport = createNodeTransport();
  const error = await transport.send({ method: 'GET', url: `${base}/reset`, headers: {} }, { signal: new AbortController().signal }).then(() => null, (e: unknown) => e);
  expect(error).not.toBeNull();
  const mapped = errorFromException(error, { operation: 'Test', url: `${base}/reset`, userAborted: false, timedOut: false, timeoutMs: 0 });
  expect(mapped.code).toBe('NETWORK_ERROR');
  expect(mapped.retryable).toBe(true);
});

test('a refused connection is a retryable network error; an aborted request rejects at once', async () => {
  const transport = createNodeTransport();
  const refused = await transport.send({ method: 'GET', url: 'http://127.0.0.1:1/', headers: {} }, { signal: new AbortController().signal }).then(() => null, (e: unknown) => e);
  expect(errorFromException(refused, { operation: 'Test', url: 'x', userAborted: false, timedOut: false, timeoutMs: 0 })).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
  const controller = new AbortController();
  const pending = transport.send({ method: 'GET', url: `${base}/slow`, headers: {} }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await expect(pending).rejects.toThrow();
});

test('only http: and https: URLs are sent', async () => {
  await expect(createNodeTransport().send({ method: 'GET', url: 'ftp://127.0.0.1/', headers: {} }, { signal: new AbortController().signal })).rejects.toMatchObject({ code: 'ERR_INVALID_PROTOCOL' });
});
