/**
 * The default {@link Transport}, on axios. Browser-safe: Node-only agents (mutual TLS) are
 * injected by `createNodeTransport` from `@postbud/sdk/node`, never imported here.
 * @module
 */
import axios, { type AxiosInstance } from 'axios';
import type { HttpRequest, HttpResponse, Transport, TransportSendOptions } from './Transport.js';

export interface AxiosTransportOptions {
  /** A Node `https.Agent` (e.g. with a client certificate). Typed loosely to keep this file browser-safe. */
  readonly httpsAgent?: unknown;
  readonly httpAgent?: unknown;
  /** An axios instance to use instead of a fresh one. */
  readonly instance?: AxiosInstance;
}

export class AxiosTransport implements Transport {
  readonly #axios: AxiosInstance;
  readonly #options: AxiosTransportOptions;

  constructor(options: AxiosTransportOptions = {}) {
    this.#options = options;
    this.#axios = options.instance ?? axios.create();
  }

  async send(request: HttpRequest, options: TransportSendOptions): Promise<HttpResponse> {
    const response = await this.#axios.request<ArrayBuffer>({
      method: request.method,
      url: request.url,
      headers: { ...request.headers },
      data: request.body,
      signal: options.signal,
      responseType: 'arraybuffer',
      // Every status is a response; the caller maps it. No redirects: a redirected POST could duplicate a letter.
      validateStatus: () => true,
      maxRedirects: 0,
      maxBodyLength: Infinity,
      maxContentLength: Infinity,
      transitional: { clarifyTimeoutError: true },
      ...(this.#options.httpsAgent === undefined ? {} : { httpsAgent: this.#options.httpsAgent }),
      ...(this.#options.httpAgent === undefined ? {} : { httpAgent: this.#options.httpAgent }),
    });
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined && value !== null) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const data: unknown = response.data;
    const body = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : new TextEncoder().encode(String(data ?? ''));
    return { status: response.status, headers, body };
  }
}
