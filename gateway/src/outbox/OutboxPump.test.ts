import { expect, test } from '@jest/globals';
import type { ClaimedLetter } from '../ledger/records.js';
import { OutboxPump } from './OutboxPump.js';

/** A worker over an in-memory queue whose sends finish when the test says so. */
class FakeWorker {
  readonly concurrency = 3;
  readonly queue: string[] = [];
  readonly done: string[] = [];
  readonly claims: number[] = [];
  readonly #pending = new Map<string, () => void>();
  inFlight = 0;
  maxInFlight = 0;

  async claim(limit: number): Promise<readonly ClaimedLetter[]> {
    this.claims.push(limit);
    return this.queue.splice(0, limit).map((id) => ({ record: { id } as ClaimedLetter['record'], payload: '{}' }));
  }

  send(c: ClaimedLetter): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise<void>((resolve) => {
      this.#pending.set(c.record.id, () => {
        this.inFlight -= 1;
        this.done.push(c.record.id);
        resolve();
      });
    });
  }

  finish(id: string): void {
    const f = this.#pending.get(id);
    if (f === undefined) throw new Error(`${id} is not in flight`);
    this.#pending.delete(id);
    f();
  }

  finishAllBut(held: string): void {
    for (const id of [...this.#pending.keys()]) if (id !== held) this.finish(id);
  }
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

test('a slow send holds one slot only: the others keep claiming and sending', async () => {
  const worker = new FakeWorker();
  worker.queue.push('slow', ...Array.from({ length: 9 }, (_, i) => `l${i}`));
  const pump = new OutboxPump(worker, 60_000, (e) => { throw e; });
  pump.start();
  await settle();
  for (let round = 0; round < 6; round++) {
    worker.finishAllBut('slow');
    await settle();
  }
  expect(worker.done).toHaveLength(9);
  expect(worker.done).not.toContain('slow');
  expect(worker.maxInFlight).toBe(3);
  const stopped = pump.stop();
  worker.finish('slow');
  await stopped;
  expect(worker.done).toContain('slow');
});

test('idle, it claims again when woken, without waiting for the poll interval', async () => {
  const worker = new FakeWorker();
  const pump = new OutboxPump(worker, 60_000, (e) => { throw e; });
  pump.start();
  await settle();
  expect(worker.claims).toEqual([3]);
  worker.queue.push('new');
  await settle();
  expect(worker.claims).toEqual([3]); // asleep until the interval or a wake
  pump.wake();
  await settle();
  expect(worker.claims).toEqual([3, 3]);
  worker.finish('new');
  await pump.stop();
  expect(worker.done).toEqual(['new']);
});

test('a failing claim is reported and retried at the next poll, not in a tight loop', async () => {
  const errors: unknown[] = [];
  const worker = new FakeWorker();
  worker.claim = async () => {
    worker.claims.push(-1);
    throw new Error('database is locked');
  };
  const pump = new OutboxPump(worker, 60_000, (e) => errors.push(e));
  pump.start();
  await settle();
  expect(worker.claims).toEqual([-1]);
  expect(String(errors[0])).toMatch(/locked/);
  await pump.stop();
});
