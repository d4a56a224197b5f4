/**
 * The one module that turns transport failures into {@link PostbudError}s: thrown exceptions
 * (connection, TLS, abort, timeout) and non-2xx responses. Fault and `retryable` are decided
 * here and nowhere else, so the retry policy only reads `error.retryable`.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { maskCprInText } from '../identifiers/mask.js';
import { headerValue, responseText, type HttpResponse } from './Transport.js';

export interface FailureContext {
  /** Human name of the operation, e.g. `KombiPostAfsend`. */
  readonly operation: string;
  readonly url: string;
  /** The caller's own signal fired. */
  readonly userAborted: boolean;
  /** The per-call timeout fired. */
  readonly timedOut: boolean;
  readonly timeoutMs: number;
}

const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'ERR_NETWORK', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET']);
const TLS_CODE = /^ERR_SSL_|^ERR_TLS_|CERT|^EPROTO$|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

function errorCode(error: unknown): string {
  if (error === null || typeof error !== 'object') return '';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== 'ERR_BAD_REQUEST' && code !== 'ERR_BAD_RESPONSE') return code;
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? '' : errorCode(cause);
}

function errorText(error: unknown): string {
  return maskCprInText(error instanceof Error ? error.message : String(error));
}

/** Maps an exception from {@link Transport.send} (no HTTP response) to a PostbudError. */
export function errorFromException(error: unknown, context: FailureContext): PostbudError {
  if (error instanceof PostbudError) return error;
  const details = { operation: context.operation, url: context.url };
  if (context.userAborted) {
    return new PostbudError('ABORTED', `${context.operation} was aborted by the caller.`, { fault: 'client', retryable: false, cause: error, details });
  }
  if (context.timedOut) {
    return new PostbudError('TIMEOUT', `${context.operation} got no answer within ${context.timeoutMs} ms; it is retried with the same message id, so it cannot be delivered twice.`, { fault: 'unknown', retryable: true, cause: error, details });
  }
  const code = errorCode(error);
  // Node reports a handshake the server broke off (e.g. it refused the client certificate) only by this text.
  if (TLS_CODE.test(code) || /before secure TLS connection was established/i.test(errorText(error))) {
    return new PostbudError('TLS_ERROR', `The TLS handshake for ${context.operation} failed (${code}): check that the client certificate and key are the ones registered for this service and that the server certificate is trusted. ${errorText(error)}`, { fault: 'client', retryable: false, cause: error, details: { ...details, tlsCode: code } });
  }
  return new PostbudError('NETWORK_ERROR', `${context.operation} failed on the network (${code || 'no code'}): ${errorText(error)}`, { fault: 'unknown', retryable: CONNECTION_CODES.has(code) || code === '' || /socket hang up|reset|closed/i.test(errorText(error)), cause: error, details: { ...details, networkCode: code } });
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface ServerSays {
  readonly serverCode?: string;
  readonly serverMessage?: string;
  readonly fieldErrors?: unknown;
}

/** Reads the service's own error words: NgDP `ErrorMessage` JSON or SF1601 FejlKode/FejlTekst XML. */
export function readServerError(response: HttpResponse): ServerSays {
  const text = responseText(response).slice(0, 20_000);
  try {
    const json: unknown = JSON.parse(text);
    if (json !== null && typeof json === 'object') {
      const { code, message, fieldErrors, errorCode: ec, errorMessage } = json as Record<string, unknown>;
      const says: ServerSays = {
        ...(typeof code === 'string' || typeof ec === 'string' ? { serverCode: String(code ?? ec) } : {}),
        ...(typeof message === 'string' || typeof errorMessage === 'string' ? { serverMessage: maskCprInText(String(message ?? errorMessage)) } : {}),
        ...(Array.isArray(fieldErrors) ? { fieldErrors } : {}),
      };
      return says;
    }
  } catch {
    // not JSON; try XML below
  }
  const code = /<(?:\w+:)?Fejl(?:Kode|Id)>([^<]*)</.exec(text)?.[1];
  const message = /<(?:\w+:)?(?:FejlTekst|AdvisTekst)>([^<]*)</.exec(text)?.[1];
  return { ...(code ? { serverCode: code } : {}), ...(message ? { serverMessage: maskCprInText(message) } : {}) };
}

/** Maps a non-2xx response to a PostbudError with fault and retryability by status. */
export function errorFromResponse(response: HttpResponse, context: Pick<FailureContext, 'operation' | 'url'>): PostbudError {
  const { status } = response;
  const says = readServerError(response);
  const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'));
  const details = { operation: context.operation, url: context.url, status, ...says, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  const tail = says.serverMessage ? `: ${says.serverCode ? `${says.serverCode} ` : ''}${says.serverMessage}` : '';
  if (status === 401 || status === 403) {
    return new PostbudError('AUTH_FAILED', `${context.operation} was refused (HTTP ${status})${tail}. Check the certificate, API token and that the system is registered for this service.`, { fault: 'client', retryable: false, details });
  }
  if (status === 408) return new PostbudError('TIMEOUT', `${context.operation}: the server timed out (HTTP 408).`, { fault: 'server', retryable: true, details });
  if (status === 429) return new PostbudError('RATE_LIMITED', `${context.operation} was rate limited (HTTP 429); retried after the server's Retry-After.`, { fault: 'server', retryable: true, details });
  if (status >= 500) return new PostbudError('HTTP_SERVER_ERROR', `${context.operation} failed on the server (HTTP ${status})${tail}.`, { fault: 'server', retryable: true, details });
  return new PostbudError('HTTP_CLIENT_ERROR', `${context.operation} was rejected (HTTP ${status})${tail}. Fix the request; retrying will not help.`, { fault: 'client', retryable: false, details });
}
