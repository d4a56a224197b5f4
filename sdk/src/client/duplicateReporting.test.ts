/**
 * Honest duplicate reporting against a real loopback server that stores each letter and
 * answers a repeated messageUUID with the ORIGINAL receipt (HTTP 200/201, same
 * TransmissionID), as the sandbox does: when the first answer is lost after the letter was
 * stored, the retry's success is reported as a (possible) duplicate, with the attempts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, test } from '@jest/globals';
import { createFakeServices, type FakeServices } from '../../test/client/fakeServices.js';
import { aLetter, clientOptions, sequentialUuids } from '../../test/client/fixtures.js';
import { createNodeTransport } from '../runtime/node/createNodeTransport.js';
import type { HttpResponse, Transport } from '../transport/Transport.js';
import { DigitalPostClient } from './DigitalPostClient.js';

let server: Server;
let services: FakeServices;
let baseUrl: string;
let firstAnswer: 'drop' | '503' | 'answer';

beforeAll(async () => {
  services = createFakeServices();
  const seen = new Set<string>();
  services.before = (req, res) => {
    if (firstAnswer !== '503' || !/memos|kombi/.test(req.url ?? '') || seen.has(req.url ?? '')) return true;
    seen.add(req.url ?? '');
    res.writeHead(503, { 'Retry-After': '0', 'Content-Type': 'application/json' }).end('{"code":"UNAVAILABLE"}');
    return false; // not processed: nothing stored
  };
  // Stored first, then the socket is destroyed: accepted, but the client never hears.
  services.afterStore = (letter) => (firstAnswer === 'drop' && letter.attempts === 1 ? 'drop' : 'answer');
  server = createServer((req, res) => services.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  services.letters.clear();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (service: 'ngdp' | 'sf1601', prefix: string) =>
  new DigitalPostClient(clientOptions({ service, baseUrl, uuid: sequentialUuids(prefix), transport: createNodeTransport(), timeoutMs: 2000, retry: { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 2 } }));

test.each(['ngdp', 'sf1601'] as const)('%s: first answer lost after storing, the retry gets the original receipt: duplicate, recovered, 2 attempts', async (service) => {
  firstAnswer = 'drop';
  const result = await client(service, service === 'ngdp' ? 'c' : 'd').send(aLetter());
  const stored = services.letters.get(result.messageUUID);
  expect(stored?.attempts).toBe(2); // the server saw the letter twice and stored it once
  expect(result.transmissionId).toBe(stored?.transmissionId); // the original receipt
  expect(result).toMatchObject({ duplicate: true, recoveredAfterLostResponse: true, attempts: 2 });
});

test.each(['ngdp', 'sf1601'] as const)('%s: a first attempt refused before processing (503) is no duplicate', async (service) => {
  firstAnswer = '503';
  const result = await client(service, service === 'ngdp' ? 'e' : 'f').send(aLetter());
  expect(services.letters.get(result.messageUUID)?.attempts).toBe(1);
  expect(result).toMatchObject({ duplicate: false, recoveredAfterLostResponse: false, attempts: 2 });
});

test('a plain first-time send: one attempt, no duplicate', async () => {
  firstAnswer = 'answer';
  expect(await client('ngdp', '1').send(aLetter())).toMatchObject({ duplicate: false, recoveredAfterLostResponse: false, attempts: 1 });
});

/** A transport whose first send attempt fails as given, then answers with a receipt. */
function firstFails(first: () => Promise<HttpResponse>): Transport {
  let sends = 0;
  return {
    send: async (request) => {
      if (!request.url.includes('memo-message-uuid=')) throw new Error(`unexpected ${request.url}`);
      if (++sends === 1) return first();
      return { status: 201, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('{"transmissionId":"11111111-2222-4333-8444-555555555555","receiptStatus":"RECEIVED"}') };
    },
  };
}

test('a connection that could not be made (ECONNREFUSED) never reached the server: no duplicate; a proxy 504 may have: duplicate', async () => {
  const send = (transport: Transport) => new DigitalPostClient(clientOptions({ service: 'ngdp', transport, retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 } })).send(aLetter());
  const refused = firstFails(() => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })));
  expect(await send(refused)).toMatchObject({ duplicate: false, recoveredAfterLostResponse: false, attempts: 2 });
  const gatewayTimeout = firstFails(async () => ({ status: 504, headers: {}, body: new Uint8Array() }));
  expect(await send(gatewayTimeout)).toMatchObject({ duplicate: true, recoveredAfterLostResponse: true, attempts: 2 });
});
