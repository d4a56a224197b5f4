/**
 * A tiny router: method + path pattern (`/apis/v1/memos/:id`) to handler. No framework, so the
 * server keeps socket-level control for fault injection.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { HttpResult } from './HttpResult.js';

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly method: string;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  /** Header value (lower-case name); the first one when repeated. */
  header(name: string): string | undefined;
  /** The client certificate presented on a mutual-TLS connection (DER), if any. */
  clientCertificate(): Buffer | undefined;
}

export type Handler = (ctx: RequestContext) => Promise<HttpResult> | HttpResult;

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
  /** Fault injection applies to the wire APIs only, never to the mailbox or control API. */
  readonly faultScope: FaultScope;
}

export type FaultScope = 'sts' | 'service' | 'none';

export interface RouteMatch {
  readonly handler: Handler;
  readonly params: Record<string, string>;
  readonly faultScope: FaultScope;
}

export class Router {
  readonly #routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, faultScope: FaultScope = 'none'): this {
    this.#routes.push({ method, segments: split(pattern), handler, faultScope });
    return this;
  }

  /** `null` = no such path; `'method'` = path exists with another method. */
  match(method: string, pathname: string): RouteMatch | 'method' | null {
    const parts = split(pathname);
    let pathMatched = false;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        return { handler: route.handler, params, faultScope: route.faultScope };
      }
    }
    return pathMatched ? 'method' : null;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const v = parts[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(v);
      } catch {
        return null;
      }
    } else if (p !== v) {
      return null;
    }
  }
  return params;
}

export function createContext(req: IncomingMessage, url: URL, params: Record<string, string>): RequestContext {
  return {
    req,
    method: req.method ?? 'GET',
    url,
    params,
    header(name) {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    },
    clientCertificate() {
      const socket = req.socket as Partial<TLSSocket>;
      if (typeof socket.getPeerCertificate !== 'function') return undefined;
      const cert = socket.getPeerCertificate();
      return cert && cert.raw ? cert.raw : undefined;
    },
  };
}
