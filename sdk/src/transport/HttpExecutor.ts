/**
 * One call to a remote service: per-attempt timeout signal combined with the caller's signal,
 * redacted logging, error mapping and retries. Requests are built before the first attempt
 * (ids included), so every retry sends the same bytes.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { Logger } from '../logging/Logger.js';
import { linkAbort } from './linkAbort.js';
import { errorFromException, errorFromResponse } from './mapTransportError.js';
import { retryDelayMs, shouldRetry, sleep, type RetryPolicy } from './RetryPolicy.js';
import type { HttpRequest, HttpResponse, Transport } from './Transport.js';

export interface ExecuteOptions {
  readonly operation: string;
  readonly signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout. @unit milliseconds */
  readonly timeoutMs?: number;
  /** Overrides the client's retry policy (e.g. `{ ...policy, maxRetries: 0 }`). */
  readonly retry?: RetryPolicy;
  /** Statuses that are answers, not failures (e.g. 404 for "not found"). 2xx always are. */
  readonly acceptStatus?: (status: number) => boolean;
  /** Called before each attempt after the first: lets auth refresh a header (e.g. after a 401). */
  readonly prepare?: (attempt: number, lastError: PostbudError | undefined) => Promise<HttpRequest> | HttpRequest;
  /**
   * The request carries a cached credential that can expire or be revoked between any two
   * attempts (SF1601's Holder-of-key token). A 401 then calls this with the refused request
   * (to drop that credential) and is retried at once, within `retry.maxRetries`, and `prepare`
   * builds the next attempt with a fresh credential. Without it a 401 is final.
   */
  readonly renewCredential?: (refused: HttpRequest) => void;
}

export interface HttpExecutorSettings {
  readonly transport: Transport;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  /** @unit milliseconds */
  readonly timeoutMs: number;
  readonly random?: () => number;
}

export class HttpExecutor {
  readonly #settings: HttpExecutorSettings;

  constructor(settings: HttpExecutorSettings) {
    this.#settings = settings;
  }

  /** Sends `request`, retrying transient failures; resolves with an accepted response or throws a PostbudError. */
  async execute(request: HttpRequest, options: ExecuteOptions): Promise<HttpResponse> {
    const policy = options.retry ?? this.#settings.retry;
    let current = request;
    let lastError: PostbudError | undefined;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && options.prepare) current = await options.prepare(attempt, lastError);
      try {
        return await this.#attempt(current, options, attempt);
      } catch (error) {
        const mapped = error instanceof PostbudError ? error : errorFromException(error, { operation: options.operation, url: current.url, userAborted: false, timedOut: false, timeoutMs: 0 });
        const staleCredential = options.renewCredential !== undefined && isUnauthorized(mapped);
        if (staleCredential) options.renewCredential?.(current);
        const again = staleCredential ? attempt < policy.maxRetries : shouldRetry(mapped, attempt, policy);
        if (!again || options.signal?.aborted) throw mapped;
        // A refused credential is replaced, not waited out: the next attempt fetches a new one.
        const delay = staleCredential ? 0 : retryDelayMs(mapped, attempt, policy, this.#settings.random);
        this.#settings.logger.warn(`${options.operation}: ${staleCredential ? 'credential refused (HTTP 401), renewed;' : `${mapped.code},`} retry ${attempt + 1}/${policy.maxRetries} in ${delay} ms`, { url: current.url });
        lastError = mapped;
        await this.#sleep(delay, options);
      }
    }
  }

  async #sleep(ms: number, options: ExecuteOptions): Promise<void> {
    try {
      await sleep(ms, options.signal);
    } catch (reason) {
      throw new PostbudError('ABORTED', `${options.operation} was aborted by the caller while waiting to retry.`, { fault: 'client', cause: reason });
    }
  }

  async #attempt(request: HttpRequest, options: ExecuteOptions, attempt: number): Promise<HttpResponse> {
    const timeoutMs = options.timeoutMs ?? this.#settings.timeoutMs;
    // One controller, a plain timer and a removable listener per attempt: AbortSignal.timeout
    // plus AbortSignal.any cost far more, and in Node 20 every any() stays registered on a
    // long-lived caller signal (a whole sendMany batch shares one), so each send got slower.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    const callerSignal = options.signal;
    const unlink = callerSignal ? linkAbort(callerSignal, controller) : undefined;
    const started = Date.now();
    this.#settings.logger.debug(`${options.operation} → ${request.method} ${request.url}`, { attempt, headers: request.headers });
    let response: HttpResponse;
    try {
      response = await this.#settings.transport.send(request, { signal: controller.signal });
    } catch (error) {
      throw errorFromException(error, { operation: options.operation, url: request.url, userAborted: callerSignal?.aborted === true, timedOut, timeoutMs });
    } finally {
      clearTimeout(timer);
      unlink?.();
    }
    this.#settings.logger.debug(`${options.operation} ← HTTP ${response.status} in ${Date.now() - started} ms`, { attempt, bytes: response.body.byteLength });
    const ok = (response.status >= 200 && response.status < 300) || options.acceptStatus?.(response.status) === true;
    if (!ok) throw errorFromResponse(response, { operation: options.operation, url: request.url });
    return response;
  }
}

function isUnauthorized(error: PostbudError): boolean {
  return error.code === 'AUTH_FAILED' && error.details?.['status'] === 401;
}
