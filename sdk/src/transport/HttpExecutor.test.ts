import { expect, test } from '@jest/globals';
import { isPostbudError } from '../errors/PostbudError.js';
import { silentLogger } from '../logging/Logger.js';
import { HttpExecutor } from './HttpExecutor.js';
import type { HttpRequest, HttpResponse, Transport } from './Transport.js';

const POLICY = { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 1000 };

/** A transport answering the given statuses in turn (200 when they run out), recording the Authorization headers. */
function scripted(statuses: number[]): Transport & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    send: async (request: HttpRequest): Promise<HttpResponse> => {
      seen.push(request.headers['Authorization'] ?? '');
      return { status: statuses.shift() ?? 200, headers: {}, body: new Uint8Array() };
    },
  };
}

/** The request with token number n, as a credential-renewing caller would build it. */
function withToken(n: number): HttpRequest {
  return { method: 'POST', url: 'http://127.0.0.1:1/service', headers: { Authorization: `token-${n}` }, body: 'x' };
}

async function run(statuses: number[], renew: boolean): Promise<{ outcome: string; seen: string[]; renewed: string[] }> {
  const transport = scripted(statuses);
  const renewed: string[] = [];
  let token = 1;
  const executor = new HttpExecutor({ transport, logger: silentLogger, retry: POLICY, timeoutMs: 5000 });
  const options = {
    operation: 'Service',
    prepare: () => withToken(token),
    ...(renew ? { renewCredential: (refused: HttpRequest) => { renewed.push(refused.headers['Authorization'] ?? ''); token += 1; } } : {}),
  };
  try {
    const response = await executor.execute(withToken(token), options);
    return { outcome: `HTTP ${response.status}`, seen: transport.seen, renewed };
  } catch (error) {
    return { outcome: isPostbudError(error) ? `${error.code} ${String(error.details?.['status'])}` : String(error), seen: transport.seen, renewed };
  }
}

test('a 401 with a renewable credential drops the refused one and retries with a new one, as often as the retry budget allows', async () => {
  const r = await run([401, 401, 401], true);
  expect(r.outcome).toBe('HTTP 200');
  expect(r.seen).toEqual(['token-1', 'token-2', 'token-3', 'token-4']);
  expect(r.renewed).toEqual(['token-1', 'token-2', 'token-3']);
});

test('401s and transient faults share one retry budget; when it is spent the 401 is thrown as AUTH_FAILED', async () => {
  const mixed = await run([503, 401, 503], true);
  expect(mixed.outcome).toBe('HTTP 200');
  expect(mixed.seen).toEqual(['token-1', 'token-1', 'token-2', 'token-2']);
  const spent = await run([401, 503, 401, 401, 401], true);
  expect(spent.outcome).toBe('AUTH_FAILED 401');
  expect(spent.seen).toHaveLength(POLICY.maxRetries + 1);
});

test('without a renewable credential a 401 is final, and a 403 is final either way', async () => {
  const plain = await run([401], false);
  expect(plain.outcome).toBe('AUTH_FAILED 401');
  expect(plain.seen).toHaveLength(1);
  const forbidden = await run([403], true);
  expect(forbidden.outcome).toBe('AUTH_FAILED 403');
  expect(forbidden.renewed).toEqual([]);
});
