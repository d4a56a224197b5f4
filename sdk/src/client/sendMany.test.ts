import { expect, test } from '@jest/globals';
import { aLetter, clientOptions, CITIZEN_CPR } from '../../test/client/fixtures.js';
import type { HttpRequest, HttpResponse, Transport } from '../transport/Transport.js';
import { DigitalPostClient } from './DigitalPostClient.js';

/** An in-memory NgDP stand-in behind the Transport seam; `slowMs` delays each answer. */
class MemoryNgdp implements Transport {
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly slowMs = 2) {}
  async send(request: HttpRequest, { signal }: { signal: AbortSignal }): Promise<HttpResponse> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, this.slowMs);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          reject(signal.reason);
        });
      });
      const uuid = new URL(request.url).searchParams.get('memo-message-uuid');
      return { status: 201, headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify({ transmissionId: `t-${uuid}`, messageUUID: uuid, receiptStatus: 'RECEIVED' })) };
    } finally {
      this.inFlight--;
    }
  }
}

test('pulls letters lazily from an async iterable: never more than `concurrency` ahead of completion', async () => {
  const transport = new MemoryNgdp();
  const client = new DigitalPostClient(clientOptions({ service: 'ngdp', transport }));
  let pulled = 0;
  let completed = 0;
  let maxAhead = 0;
  async function* letters() {
    for (let i = 0; i < 300; i++) {
      pulled++;
      maxAhead = Math.max(maxAhead, pulled - completed);
      yield aLetter({ title: `Brev ${i}` });
    }
  }
  const summary = await client.sendMany(letters(), { concurrency: 5, onResult: () => void completed++ });
  expect(summary).toEqual({ done: 300, succeeded: 300, failed: 0 });
  expect(summary.results).toBeUndefined(); // streaming caller: nothing materialised
  expect(maxAhead).toBeLessThanOrEqual(6);
  expect(transport.maxInFlight).toBeLessThanOrEqual(5);
});

test('one bad letter never stops the batch; results keep input order with keys', async () => {
  const client = new DigitalPostClient(clientOptions({ service: 'ngdp', transport: new MemoryNgdp() }));
  const progress: number[] = [];
  const summary = await client.sendMany(
    [
      { key: 'doc-1', letter: aLetter() },
      { key: 'doc-2', letter: aLetter({ recipient: { type: 'cpr', cpr: '3102901234' } }) },
      { key: 'doc-3', letter: aLetter(), options: { channel: 'digital' } },
    ],
    { concurrency: 2, onProgress: (p) => progress.push(p.done) },
  );
  expect(summary).toMatchObject({ done: 3, succeeded: 2, failed: 1 });
  expect(summary.results?.map((r) => [r.key, r.ok])).toEqual([['doc-1', true], ['doc-2', false], ['doc-3', true]]);
  const failed = summary.results?.[1];
  expect(failed && !failed.ok && failed.error.code).toBe('CPR_INVALID');
  expect(failed && !failed.ok && failed.error.message).not.toContain(CITIZEN_CPR);
  expect(progress).toEqual([1, 2, 3]);
});

test('the iterator form streams results as they complete', async () => {
  const client = new DigitalPostClient(clientOptions({ service: 'ngdp', transport: new MemoryNgdp() }));
  const seen: string[] = [];
  for await (const item of client.sendManyIterator([aLetter(), aLetter()], { concurrency: 2 })) {
    if (item.ok) seen.push(item.result.receiptStatus);
  }
  expect(seen).toEqual(['RECEIVED', 'RECEIVED']);
});

test('abort stops taking new letters and every started letter resolves as ABORTED or sent', async () => {
  const client = new DigitalPostClient(clientOptions({ service: 'ngdp', transport: new MemoryNgdp(50) }));
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 20);
  let pulled = 0;
  function* letters() {
    for (let i = 0; i < 1000; i++) {
      pulled++;
      yield aLetter();
    }
  }
  const summary = await client.sendMany(letters(), { concurrency: 4, signal: controller.signal });
  expect(pulled).toBeLessThan(20);
  expect(summary.done).toBe(pulled); // every letter taken is reported, none is lost
  expect(summary.results?.every((r) => r.ok || r.error.code === 'ABORTED')).toBe(true);
});
