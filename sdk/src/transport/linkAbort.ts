/**
 * Propagates a caller's abort to per-attempt controllers with ONE listener per caller signal,
 * however many calls share it: a `sendMany` batch hands its signal to every letter, and a
 * listener per attempt made Node warn about a possible leak at 11 letters in flight.
 * Browser-safe (no `node:events`).
 * @module
 */
const linked = new WeakMap<AbortSignal, Set<AbortController>>();

/** Aborts `controller` when `signal` aborts (at once if it already has); returns the unlink function. */
export function linkAbort(signal: AbortSignal, controller: AbortController): () => void {
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  let controllers = linked.get(signal);
  if (controllers === undefined) {
    const set = new Set<AbortController>();
    linked.set(signal, set);
    signal.addEventListener('abort', () => {
      for (const c of set) c.abort(signal.reason);
      set.clear();
    }, { once: true });
    controllers = set;
  }
  const own = controllers;
  own.add(controller);
  return () => {
    own.delete(controller);
  };
}
