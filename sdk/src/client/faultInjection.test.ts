/**
 * Fault injection against a real loopback server: 30 % of responses are dropped after the
 * letter was stored, others get 503/429 with Retry-After, connection resets before
 * processing, or no answer at all (timeout). Every letter must be accepted exactly once,
 * every send must resolve, and each result must carry the ORIGINAL receipt.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createFakeServices, type FakeServices } from '../../test/client/fakeServices.js';
import { aLetter, clientOptions, sequentialUuids } from '../../test/client/fixtures.js';
import { createNodeTransport } from '../runtime/node/createNodeTransport.js';
import { DigitalPostClient } from './DigitalPostClient.js';
import type { SendResult } from '../send/SendResult.js';

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server: Server;
let services: FakeServices;
let baseUrl: string;
const faults = { dropped: 0, unavailable: 0, limited: 0, reset: 0, hung: 0 };

beforeAll(async () => {
  const random = seeded(1601);
  services = createFakeServices();
  services.before = (req, res) => {
    if (!/memos|kombi/.test(req.url ?? '')) return true;
    const r = random();
    if (r < 0.1) {
      faults.unavailable++;
      res.writeHead(503, { 'Retry-After': '0', 'Content-Type': 'application/json' }).end('{"code":"UNAVAILABLE"}');
      return false;
    }
    if (r < 0.2) {
      faults.limited++;
      res.writeHead(429, { 'Retry-After': '0' }).end();
      return false;
    }
    if (r < 0.25) {
      faults.reset++;
      req.socket.destroy();
      return false;
    }
    if (r < 0.27) {
      faults.hung++;
      return false; // never answers: the client's per-attempt timeout fires
    }
    return true;
  };
  services.afterStore = () => {
    if (random() < 0.3) {
      faults.dropped++;
      return 'drop';
    }
    return 'answer';
  };
  server = createServer((req, res) => services.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(service: 'ngdp' | 'sf1601', prefix: string): DigitalPostClient {
  return new DigitalPostClient(
    clientOptions({ service, baseUrl, uuid: sequentialUuids(prefix), transport: createNodeTransport(), timeoutMs: 1500, random: Math.random, retry: { maxRetries: 25, initialDelayMs: 1, maxDelayMs: 4 } }),
  );
}

async function sendAll(c: DigitalPostClient, count: number): Promise<SendResult[]> {
  const results: SendResult[] = [];
  const letters = (function* () {
    for (let i = 0; i < count; i++) yield aLetter({ title: `Brev ${i}` });
  })();
  const summary = await c.sendMany(letters, {
    concurrency: 32,
    onResult: (item) => {
      if (item.ok) results.push(item.result);
      else throw item.error;
    },
  });
  expect(summary).toEqual({ done: count, succeeded: count, failed: 0 });
  return results;
}

function expectExactlyOnce(results: readonly SendResult[], prefix: string): void {
  const stored = [...services.letters.values()].filter((l) => l.messageUUID.startsWith(prefix));
  expect(stored.length).toBe(results.length);
  expect(new Set(results.map((r) => r.messageUUID)).size).toBe(results.length);
  for (const result of results) {
    expect(services.letters.get(result.messageUUID)?.transmissionId).toBe(result.transmissionId);
  }
}

test('1,000 NgDP sends through drops, 503/429, resets and hangs: exactly 1,000 letters, no duplicates, all resolved', async () => {
  const results = await sendAll(client('ngdp', 'a'), 1000);
  expectExactlyOnce(results, 'aaaaaaaa');
  expect(faults.dropped).toBeGreaterThan(250);
  expect(faults.unavailable + faults.limited + faults.reset + faults.hung).toBeGreaterThan(200);
  // A dropped answer was retried and got the original receipt back.
  expect([...services.letters.values()].filter((l) => l.attempts > 1).length).toBeGreaterThan(250);
}, 120_000);

test('200 SF1601 sends through the same faults: exactly once, original TransmissionIDs', async () => {
  const results = await sendAll(client('sf1601', 'b'), 200);
  expectExactlyOnce(results, 'bbbbbbbb');
}, 120_000);
