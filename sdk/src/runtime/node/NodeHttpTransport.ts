/**
 * A {@link Transport} straight on `node:http`/`node:https` with keep-alive agents. Node-only.
 * It does per request what the service needs and nothing more: at 1,000 letters a second
 * axios's per-request work (config merging, proxy lookup from the environment, interceptor
 * chains) cost the sender about as much CPU as building and validating the letter itself.
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import { headerValue, type HttpRequest, type HttpResponse, type Transport, type TransportSendOptions } from '../../transport/Transport.js';

export interface NodeHttpAgents {
  readonly http: http.Agent;
  readonly https: https.Agent;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** An error like Node's own, with a code that mapTransportError knows. */
function networkError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

export class NodeHttpTransport implements Transport {
  readonly #agents: NodeHttpAgents;

  constructor(agents: NodeHttpAgents) {
    this.#agents = agents;
  }

  send(request: HttpRequest, options: TransportSendOptions): Promise<HttpResponse> {
    const url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return Promise.reject(networkError(`Unsupported protocol ${url.protocol} in ${url.origin}; use http: or https:.`, 'ERR_INVALID_PROTOCOL'));
    }
    const secure = url.protocol === 'https:';
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
    const headers: Record<string, string> = { ...request.headers };
    if (body !== undefined && headerValue(headers, 'content-length') === undefined) headers['content-length'] = String(body.byteLength);
    return new Promise<HttpResponse>((resolve, reject) => {
      const requestOptions: https.RequestOptions = { method: request.method, headers, agent: secure ? this.#agents.https : this.#agents.http, signal: options.signal };
      // No redirects are followed (none are in node:http): a redirected POST could duplicate a letter.
      const req = (secure ? https : http).request(url, requestOptions, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('close', () => {
          if (!res.complete) reject(networkError('The connection closed before the whole response arrived (socket hang up).', 'ECONNRESET'));
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body: new Uint8Array(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)) });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}
