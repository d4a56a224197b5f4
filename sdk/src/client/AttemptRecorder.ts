/**
 * Watches the HTTP attempts of one send, so its result can say how many attempts it took
 * and whether an earlier attempt's fate is unknown (sent, but no answer came back). The
 * recorder wraps the client's transport; a send registers what identifies its request (the
 * SF1601 `x-TransaktionsId`, fixed per letter, or NgDP's `memo-message-uuid`) and reads the
 * record when it ends. Concurrent sends (sendMany) each see only their own attempts.
 * @module
 */
import { headerValue, type HttpRequest, type Transport } from '../transport/Transport.js';

/**
 * `answered`: a response arrived (the server's answer is known).
 * `unknown`: the request may have reached the server, but no usable answer came back
 * (reset, timeout, closed socket, or a 502/504 from a proxy whose upstream may have processed it).
 * `not-sent`: the connection could not be made (refused, no such host), so the server never saw it.
 */
export type AttemptFate = 'answered' | 'unknown' | 'not-sent';

export interface SendIdentity {
  readonly transactionId: string;
  readonly messageUUID: string;
}

export interface AttemptWatch {
  /** Stops watching and returns the fates of the attempts seen, in order. */
  stop(): readonly AttemptFate[];
}

// Errors that happen before a single byte reaches the server.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
// A proxy's "upstream failed / timed out" may come after the upstream processed the request.
const UPSTREAM_UNKNOWN = new Set([502, 504]);

function errorCode(error: unknown, depth = 0): string {
  if (error === null || typeof error !== 'object' || depth > 3) return '';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return code;
  return errorCode((error as { cause?: unknown }).cause, depth + 1);
}

interface Watcher {
  readonly identity: SendIdentity;
  readonly fates: AttemptFate[];
}

/** What identifies a request as one letter's send, read once per request (sendMany watches many sends at once). */
function sendKeys(request: HttpRequest): { transactionId: string | undefined; messageUUID: string | undefined } {
  const uuid = /[?&]memo-message-uuid=([^&#]*)/.exec(request.url)?.[1];
  return { transactionId: headerValue(request.headers, 'x-TransaktionsId'), messageUUID: uuid === undefined ? undefined : decodeURIComponent(uuid) };
}

function isSendOf(keys: ReturnType<typeof sendKeys>, identity: SendIdentity): boolean {
  return keys.transactionId === identity.transactionId || keys.messageUUID === identity.messageUUID;
}

export class AttemptRecorder {
  readonly #watchers = new Set<Watcher>();

  /** The transport to give the executor: passes every call through, recording watched ones. */
  wrap(inner: Transport): Transport {
    return {
      send: async (request, options) => {
        if (this.#watchers.size === 0 || request.method !== 'POST') return inner.send(request, options);
        const keys = sendKeys(request);
        const watching = [...this.#watchers].filter((w) => isSendOf(keys, w.identity));
        if (watching.length === 0) return inner.send(request, options);
        let fate: AttemptFate = 'unknown';
        try {
          const response = await inner.send(request, options);
          fate = UPSTREAM_UNKNOWN.has(response.status) ? 'unknown' : 'answered';
          return response;
        } catch (error) {
          fate = errorCode(error) === '' ? 'unknown' : 'not-sent';
          throw error;
        } finally {
          for (const w of watching) w.fates.push(fate);
        }
      },
    };
  }

  watch(identity: SendIdentity): AttemptWatch {
    const watcher: Watcher = { identity, fates: [] };
    this.#watchers.add(watcher);
    return {
      stop: () => {
        this.#watchers.delete(watcher);
        return [...watcher.fates];
      },
    };
  }
}
