import { expect, test } from '@jest/globals';
import { PostbudError } from '../errors/PostbudError.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry, sleep } from './RetryPolicy.js';

const transient = new PostbudError('HTTP_SERVER_ERROR', 'x', { fault: 'server', retryable: true });

test('client faults are never retried, transient faults until maxRetries', () => {
  const clientFault = new PostbudError('HTTP_CLIENT_ERROR', 'x', { fault: 'client', retryable: false });
  expect(shouldRetry(clientFault, 0, DEFAULT_RETRY_POLICY)).toBe(false);
  expect(shouldRetry(transient, 0, DEFAULT_RETRY_POLICY)).toBe(true);
  expect(shouldRetry(transient, 4, DEFAULT_RETRY_POLICY)).toBe(false);
  expect(shouldRetry(transient, 0, { ...DEFAULT_RETRY_POLICY, maxRetries: 0 })).toBe(false);
});

test('backoff is exponential with jitter and capped', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 100, maxDelayMs: 1000 };
  expect(retryDelayMs(transient, 0, policy, () => 0)).toBe(50);
  expect(retryDelayMs(transient, 0, policy, () => 1)).toBe(100);
  expect(retryDelayMs(transient, 3, policy, () => 1)).toBe(800);
  expect(retryDelayMs(transient, 10, policy, () => 1)).toBe(1000);
});

test('Retry-After wins over backoff; a longer one than allowed is not waited for', () => {
  const limited = new PostbudError('RATE_LIMITED', 'x', { fault: 'server', retryable: true, details: { retryAfterMs: 2000 } });
  expect(retryDelayMs(limited, 0, DEFAULT_RETRY_POLICY)).toBe(2000);
  expect(shouldRetry(limited, 0, { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 1000 })).toBe(false);
});

test('sleep rejects when the signal aborts', async () => {
  const controller = new AbortController();
  const pending = sleep(10_000, controller.signal);
  controller.abort(new Error('stop'));
  await expect(pending).rejects.toThrow('stop');
});
