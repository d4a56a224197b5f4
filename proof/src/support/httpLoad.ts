/**
 * A small loopback load generator on node:http keep-alive agents: closed loop (N workers
 * back to back) or open loop (a fixed request rate, so slow answers do not hide behind a
 * slower request rate). Every loop is bounded by a request count and a deadline, and only
 * 127.0.0.1 is allowed as a target.
 * @module
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats.js';

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

export interface LoadResult {
  readonly requests: number;
  /** @unit requests per second */ readonly rate: number;
  /** @unit milliseconds */ readonly p50: number;
  /** @unit milliseconds */ readonly p99: number;
  /** @unit milliseconds */ readonly max: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** @unit milliseconds */ readonly elapsedMs: number;
}

export class LoopbackClient {
  readonly #agent: http.Agent;
  readonly #base: URL;

  constructor(baseUrl: string, maxSockets = 64) {
    this.#base = new URL(baseUrl);
    if (this.#base.hostname !== '127.0.0.1') throw new Error(`The load generator only targets 127.0.0.1, not ${this.#base.hostname}.`);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** One request; resolves with the status (0 for a network error) and the latency. */
  request(r: LoadRequest): Promise<{ status: number; ms: number; body: string }> {
    const start = performance.now();
    return new Promise((resolve) => {
      const req = http.request({
        agent: this.#agent, host: '127.0.0.1', port: this.#base.port, method: r.method, path: r.path,
        headers: { ...r.headers, ...(r.body ? { 'content-length': String(r.body.length) } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - start, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: 0, ms: performance.now() - start, body: '' }));
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve({ status: 0, ms: performance.now() - start, body: '' }));
      req.end(r.body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

function toResult(latencies: number[], statuses: Record<string, number>, elapsedMs: number): LoadResult {
  return {
    requests: latencies.length, rate: latencies.length / (elapsedMs / 1000),
    p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), statuses, elapsedMs,
  };
}

/** `concurrency` workers send back to back until `total` requests or `maxMs` have passed. */
export async function closedLoop(client: LoopbackClient, o: { concurrency: number; total: number; maxMs: number; make: (i: number) => LoadRequest }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < o.total && performance.now() - start < o.maxMs) {
      const { status, ms } = await client.request(o.make(next++));
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return toResult(latencies, statuses, performance.now() - start);
}

/** Starts one request every 1/rate seconds (whatever the answers take) for `count` requests. */
export async function openLoop(client: LoopbackClient, o: { ratePerSecond: number; count: number; maxMs: number; make: (i: number) => LoadRequest; onResponse?: (i: number, status: number, body: string) => void }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < o.count && performance.now() - start < o.maxMs; i += 1) {
    const due = start + (i * 1000) / o.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(client.request(o.make(i)).then(({ status, ms, body }) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
      o.onResponse?.(i, status, body);
    }));
  }
  await Promise.all(pending);
  return toResult(latencies, statuses, performance.now() - start);
}
