/**
 * Runs `task` over an (async) iterable with at most `concurrency` tasks at a time and yields
 * each outcome as it completes. Items are pulled from the source only when a slot is free,
 * so memory stays bounded by `concurrency` however long the source is. A failing task never
 * stops the others: its error is yielded as an outcome.
 * @module
 */

export type Outcome<T, R> =
  | { readonly index: number; readonly item: T; readonly ok: true; readonly value: R }
  | { readonly index: number; readonly item: T; readonly ok: false; readonly error: unknown };

export async function* mapConcurrent<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
  /** When it aborts, no further items are pulled; running tasks are still awaited and yielded. */
  signal?: AbortSignal,
): AsyncGenerator<Outcome<T, R>> {
  const limit = Math.max(1, Math.floor(concurrency));
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsync(source[Symbol.iterator]());
  const running = new Map<number, Promise<Outcome<T, R>>>();
  let index = 0;
  let exhausted = false;
  try {
    while (true) {
      while (!exhausted && signal?.aborted !== true && running.size < limit) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const i = index++;
        const item = next.value;
        running.set(
          i,
          task(item, i).then(
            (value): Outcome<T, R> => ({ index: i, item, ok: true, value }),
            (error: unknown): Outcome<T, R> => ({ index: i, item, ok: false, error }),
          ),
        );
      }
      if (running.size === 0) return;
      const done = await Promise.race(running.values());
      running.delete(done.index);
      yield done;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return { next: async () => iterator.next(), return: async () => iterator.return?.() ?? { done: true, value: undefined } };
}
