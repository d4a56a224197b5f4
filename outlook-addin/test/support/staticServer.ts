/**
 * Serves a built add-in folder on loopback, with `addin-config.json` replaced by the test's
 * (read on every request, so a test can fill it in once the gateway's URL is known), and
 * optionally forwards `/idp/*` to the sandbox's identity provider: the sandbox sends no CORS
 * headers, so the pane's token request must stay on its own origin.
 * @module
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.png': 'image/png', '.xml': 'application/xml',
};

export interface StaticServerOptions {
  /** Where `/idp/<rest>` is forwarded to, e.g. `http://127.0.0.1:4000/idp`. */
  readonly idpUrl?: string;
}

async function forward(req: IncomingMessage, res: ServerResponse, target: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const init: RequestInit = { method: req.method ?? 'GET', headers: { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' } };
  if (chunks.length > 0) init.body = Buffer.concat(chunks);
  const answer = await fetch(target, init);
  res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
}

export async function serveStatic(dir: string, addinConfig: unknown | (() => unknown), options: StaticServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === '/addin-config.json') {
      const config = typeof addinConfig === 'function' ? (addinConfig as () => unknown)() : addinConfig;
      return void res.writeHead(200, { 'Content-Type': TYPES['.json']! }).end(JSON.stringify(config));
    }
    if (options.idpUrl && pathname.startsWith('/idp/')) {
      return void forward(req, res, `${options.idpUrl.replace(/\/$/, '')}/${pathname.slice('/idp/'.length)}`).catch(() => res.writeHead(502).end());
    }
    const file = path.join(dir, path.normalize(pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
