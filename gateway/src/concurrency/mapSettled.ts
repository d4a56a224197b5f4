/**
 * Runs `fn` over `items` with at most `limit` calls in flight, starting the next as soon as one
 * ends: a batch-at-a-time loop waits for its slowest call, which under retries with backoff is
 * seconds. Every item is tried; results are settled, in the items' order.
 * @module
 */
export async function mapSettled<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i] as T) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The first rejection's reason, if any. */
export function firstRejection(results: readonly PromiseSettledResult<unknown>[]): { reason: unknown } | undefined {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return failed === undefined ? undefined : { reason: failed.reason };
}
