/**
 * The HTTP seam: one method, one request object, one response. Transports return every HTTP
 * status as a response and throw only when no response arrived (connection, TLS, abort);
 * {@link mapTransportError} turns those into {@link PostbudError}s.
 * @module
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  /** Header names as sent; compare case-insensitively. */
  readonly headers: Readonly<Record<string, string>>;
  /** Sent as is; strings are UTF-8 encoded. Retries resend the same bytes. */
  readonly body?: string | Uint8Array;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface TransportSendOptions {
  /** Aborts the exchange: a user abort or the per-call timeout. */
  readonly signal: AbortSignal;
}

/** Implementations: {@link AxiosTransport} (browser and Node), `createNodeTransport` from `@postbud/sdk/node` (mutual TLS). */
export interface Transport {
  send(request: HttpRequest, options: TransportSendOptions): Promise<HttpResponse>;
}

const decoder = new TextDecoder();

/** The response body as UTF-8 text. */
export function responseText(response: HttpResponse): string {
  return decoder.decode(response.body);
}

/** A header value by case-insensitive name. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
