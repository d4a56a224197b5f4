import { expect, test } from '@jest/globals';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../logging/createLogger.js';
import type { Ledger } from '../ledger/Ledger.js';
import { SqliteLedger } from '../ledger/SqliteLedger.js';
import { aNewLetter, audit, tempDir } from '../../test/fixtures.js';
import { FakeRoute } from '../../test/FakeRoute.js';
import { InboundLoop } from './InboundLoop.js';

const quiet = () => createLogger({ level: 'silent', destination: new Writable({ write(_c, _e, cb) { cb(); } }) as never });
const status = (id: string, messageUUID: string, s: 'delivered' | 'read') =>
  ({ id, event: { eventId: `bf:${id}`, messageUUID, status: s, routeStatus: s, occurredAt: new Date().toISOString() } });

test('a page of status events is stored in order and acknowledged; one that cannot be stored stays at the route', async () => {
  const ledger = SqliteLedger.open(path.join(tempDir(), 'ledger.sqlite'));
  const [a, b] = [aNewLetter(), aNewLetter()];
  for (const l of [a, b]) await ledger.acceptLetter(l, audit(l.id));
  const route = new FakeRoute();
  route.statuses.push(status('s1', a.id, 'delivered'), status('s2', a.id, 'read'), status('s3', b.id, 'delivered'), status('s4', b.id, 'read'));
  // s3 fails to store (e.g. the disk), the others go through.
  const flaky: Ledger = Object.assign(Object.create(ledger) as Ledger, {
    recordStatus: (e: Parameters<Ledger['recordStatus']>[0]) => (e.eventId === 'bf:s3' ? Promise.reject(new Error('disk I/O error')) : ledger.recordStatus(e)),
  });
  const loop = new InboundLoop({ ledger: flaky, route, plugins: new Map(), logger: quiet() });
  await expect(loop.runOnce()).rejects.toThrow('disk I/O error');
  expect(route.acked.sort()).toEqual(['s1', 's2', 's4']);
  expect(route.statuses.map((s) => s.id)).toEqual(['s3']);
  expect((await ledger.letterEvents(a.id)).filter((e) => e.kind === 'status').map((e) => e.eventId)).toEqual(['bf:s1', 'bf:s2']);
  expect((await ledger.getLetter(a.id))?.state).toBe('delivered');
  // Next round the route hands s3 out again and it is stored.
  const again = new InboundLoop({ ledger, route, plugins: new Map(), logger: quiet() });
  await again.runOnce();
  expect(route.statuses).toEqual([]);
  expect((await ledger.getLetter(b.id))?.state).toBe('delivered');
  await ledger.close();
});

test('acknowledgements run in a rolling window: one slow acknowledgement does not hold the others, and a failed one does not stop the rest', async () => {
  const ledger = SqliteLedger.open(path.join(tempDir(), 'ledger.sqlite'));
  const letter = aNewLetter();
  await ledger.acceptLetter(letter, audit(letter.id));
  const route = new FakeRoute();
  for (let i = 0; i < 40; i++) route.statuses.push(status(`s${i}`, letter.id, 'read'));
  let inFlight = 0;
  let most = 0;
  const finishedWhileSlowWaited: string[] = [];
  let slowDone = false;
  const ackStatus = route.ackStatus.bind(route);
  route.ackStatus = async (id: string) => {
    inFlight++;
    most = Math.max(most, inFlight);
    try {
      await new Promise((r) => setTimeout(r, id === 's0' ? 300 : 5));
      if (id === 's7') throw new Error('503 after retries');
      if (!slowDone && id !== 's0') finishedWhileSlowWaited.push(id);
      if (id === 's0') slowDone = true;
      await ackStatus(id);
    } finally {
      inFlight--;
    }
  };
  const loop = new InboundLoop({ ledger, route, plugins: new Map(), logger: quiet() });
  await expect(loop.runOnce()).rejects.toThrow('503 after retries');
  expect(most).toBeLessThanOrEqual(16);
  expect(finishedWhileSlowWaited.length).toBe(38); // every other acknowledgement finished while s0 was slow
  expect(route.acked).toHaveLength(39);
  expect(route.statuses.map((s) => s.id)).toEqual(['s7']);
  await ledger.close();
});

test('a round whose reply fetch fails still stores and acknowledges status events, then reports the failure', async () => {
  const ledger = SqliteLedger.open(path.join(tempDir(), 'ledger.sqlite'));
  const letter = aNewLetter();
  await ledger.acceptLetter(letter, audit(letter.id));
  const route = new FakeRoute();
  route.statuses.push(status('s1', letter.id, 'delivered'));
  route.fetchReplies = () => Promise.reject(new Error('NgDP list inbound memos failed (HTTP 503)'));
  const loop = new InboundLoop({ ledger, route, plugins: new Map(), logger: quiet() });
  await expect(loop.runOnce()).rejects.toThrow('HTTP 503');
  expect(route.acked).toEqual(['s1']);
  expect((await ledger.getLetter(letter.id))?.state).toBe('delivered');
  await ledger.close();
});
