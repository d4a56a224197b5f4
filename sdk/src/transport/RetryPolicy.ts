/**
 * When and how long to wait before trying again. Only errors marked `retryable` (transient:
 * connection reset, timeout, 408, 429, 5xx) are retried; client faults never are.
 * @module
 */
import type { PostbudError } from '../errors/PostbudError.js';

export interface RetryPolicy {
  /** Retries after the first attempt. `0` disables retrying. @default 4 */
  readonly maxRetries: number;
  /** Delay before the first retry. @default 500 @unit milliseconds */
  readonly initialDelayMs: number;
  /** Upper bound of one exponential delay. @default 30000 @unit milliseconds */
  readonly maxDelayMs: number;
  /** Longest `Retry-After` obeyed; longer answers fail instead of hanging. @default 120000 @unit milliseconds */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 4,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
});

/** Whether `error` may be retried after `attempt` (0-based) under `policy`. */
export function shouldRetry(error: PostbudError, attempt: number, policy: RetryPolicy): boolean {
  if (!error.retryable || error.fault === 'client' || attempt >= policy.maxRetries) return false;
  const retryAfter = error.details?.['retryAfterMs'];
  return typeof retryAfter !== 'number' || retryAfter <= policy.maxRetryAfterMs;
}

/**
 * Delay before retry number `attempt + 1`: the server's `Retry-After` when given, otherwise
 * "full jitter" exponential backoff (a random delay up to `initial * 2^attempt`, capped).
 */
export function retryDelayMs(error: PostbudError, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const retryAfter = error.details?.['retryAfterMs'];
  if (typeof retryAfter === 'number') return Math.min(retryAfter, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
