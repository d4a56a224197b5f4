/**
 * Mass sending: bounded concurrency, bounded memory, per-letter results, and a batch that
 * never stops because one letter fails. Results stream through `onResult` or an async
 * iterator; the array form is optional.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { ClientLetter } from '../send/ClientLetter.js';
import type { SendOptions, SendResult } from '../send/SendResult.js';
import { mapConcurrent } from './mapConcurrent.js';

/** A letter with its own send options (channel, physical, transaction id). */
export interface BatchLetter {
  readonly letter: ClientLetter;
  readonly options?: Omit<SendOptions, 'signal'>;
  /** Your reference for this letter, echoed in its result. */
  readonly key?: string;
}

export type SendManyItem =
  | { readonly index: number; readonly key?: string; readonly ok: true; readonly result: SendResult }
  | { readonly index: number; readonly key?: string; readonly ok: false; readonly error: PostbudError };

export interface SendManyProgress {
  readonly done: number;
  readonly succeeded: number;
  readonly failed: number;
}

export interface SendManyOptions {
  /** Letters in flight at once. @default 8 */
  readonly concurrency?: number;
  /** Stops taking new letters; letters in flight are aborted and reported as ABORTED. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SendManyProgress) => void;
  readonly onResult?: (item: SendManyItem) => void | Promise<void>;
  /** Keep every result in `summary.results`. @default true unless `onResult` is given */
  readonly collectResults?: boolean;
}

export interface SendManySummary extends SendManyProgress {
  /** In input order; present when `collectResults`. */
  readonly results?: readonly SendManyItem[];
}

type SendFn = (letter: ClientLetter, options: SendOptions) => Promise<SendResult>;

function isBatchLetter(value: ClientLetter | BatchLetter): value is BatchLetter {
  return typeof value === 'object' && value !== null && 'letter' in value && !('MessageHeader' in value);
}

function asPostbudError(error: unknown): PostbudError {
  return error instanceof PostbudError ? error : new PostbudError('NETWORK_ERROR', error instanceof Error ? error.message : String(error), { fault: 'unknown', cause: error });
}

export async function* iterateSendMany(
  send: SendFn,
  letters: Iterable<ClientLetter | BatchLetter> | AsyncIterable<ClientLetter | BatchLetter>,
  options: Omit<SendManyOptions, 'onResult' | 'collectResults'> = {},
): AsyncGenerator<SendManyItem> {
  const task = async (entry: ClientLetter | BatchLetter): Promise<SendResult> => {
    if (options.signal?.aborted) throw new PostbudError('ABORTED', 'The batch was aborted before this letter was sent.', { fault: 'client' });
    const { letter, options: own } = isBatchLetter(entry) ? entry : { letter: entry, options: undefined };
    return send(letter, { ...own, ...(options.signal ? { signal: options.signal } : {}) });
  };
  const progress = { done: 0, succeeded: 0, failed: 0 };
  for await (const outcome of mapConcurrent(letters, options.concurrency ?? 8, task, options.signal)) {
    const key = isBatchLetter(outcome.item) ? outcome.item.key : undefined;
    const base = { index: outcome.index, ...(key === undefined ? {} : { key }) };
    const item: SendManyItem = outcome.ok ? { ...base, ok: true, result: outcome.value } : { ...base, ok: false, error: asPostbudError(outcome.error) };
    progress.done++;
    if (item.ok) progress.succeeded++;
    else progress.failed++;
    options.onProgress?.({ ...progress });
    yield item;
  }
}

export async function runSendMany(
  send: SendFn,
  letters: Iterable<ClientLetter | BatchLetter> | AsyncIterable<ClientLetter | BatchLetter>,
  options: SendManyOptions = {},
): Promise<SendManySummary> {
  const collect = options.collectResults ?? options.onResult === undefined;
  const results: SendManyItem[] = [];
  let done = 0;
  let succeeded = 0;
  for await (const item of iterateSendMany(send, letters, options)) {
    done++;
    if (item.ok) succeeded++;
    if (collect) results[item.index] = item;
    await options.onResult?.(item);
  }
  return { done, succeeded, failed: done - succeeded, ...(collect ? { results } : {}) };
}
