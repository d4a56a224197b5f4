/**
 * The add-in preview for `npm start`: one loopback HTTP server with a simulated Outlook
 * compose window (`/`) that hosts the REAL built task pane (`/addin/taskpane.html`) in an
 * iframe, with a stand-in for office.js wired to the simulated mail. The pane signs in at the
 * sandbox's identity provider and talks to the gateway through this server (`/idp/token`,
 * `/gateway/*`), so neither needs a CORS entry for the preview's port.
 * @module
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PostbudError } from '@postbud/sdk';

export interface AddinPreviewOptions {
  /** The gateway, e.g. `http://127.0.0.1:4100`. */
  readonly gatewayUrl: string;
  /** The sandbox's identity provider (issuer), e.g. `http://127.0.0.1:4000/idp`. */
  readonly idpUrl: string;
  /** 0 picks a free port. @default 4200 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** The fictional caseworker the pane signs in as. @default 'sara.sagsbehandler@solbjerg.example' */
  readonly caseworker?: string;
  /** The built add-in. @default outlook-addin/dist (built with webpack first when it is missing) */
  readonly distDir?: string;
  /** One line per notable event (build, start). @default no logging */
  readonly log?: (line: string) => void;
}

export interface RunningAddinPreview {
  /** e.g. `http://127.0.0.1:4200/` */
  readonly url: string;
  close(): Promise<void>;
}

const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** `preview/` both when run from source and from `preview/dist/` after tsc. */
function previewDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [here, path.resolve(here, '..')].find((d) => existsSync(path.join(d, 'public', 'preview.html'))) ?? here;
}

async function ensureBuilt(distDir: string, log: (line: string) => void): Promise<void> {
  if (existsSync(path.join(distDir, 'taskpane.html')) && existsSync(path.join(distDir, 'cpr-guard.js'))) return;
  const addinDir = path.resolve(previewDir(), '..');
  const cli = path.resolve(addinDir, '../node_modules/webpack-cli/bin/cli.js');
  if (!existsSync(cli)) {
    throw new PostbudError('CONFIG_INVALID', `The add-in is not built (${distDir}) and webpack is not installed. Run "npm run build -w @postbud/outlook-addin".`);
  }
  log(`building the Outlook add-in into ${distDir} (once; about half a minute) …`);
  await promisify(execFile)(process.execPath, [cli, '--mode', 'production', '--env', `out=${distDir}`], { cwd: addinDir, maxBuffer: 16 * 1024 * 1024 });
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const FORWARDED = ['accept', 'authorization', 'content-type', 'idempotency-key'];

/** Forwards one request and streams the answer back (status, content type, body). */
async function forward(req: IncomingMessage, res: ServerResponse, target: string): Promise<void> {
  const headers = Object.fromEntries(FORWARDED.flatMap((h) => (typeof req.headers[h] === 'string' ? [[h, req.headers[h] as string]] : [])));
  const payload = req.method === 'GET' || req.method === 'HEAD' ? undefined : await body(req);
  try {
    const answer = await fetch(target, { method: req.method ?? 'GET', headers, ...(payload ? { body: new Uint8Array(payload) } : {}), signal: AbortSignal.timeout(150_000) });
    res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  } catch {
    res.writeHead(502, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'PREVIEW_UPSTREAM_UNREACHABLE', message: `The preview could not reach ${new URL(target).origin}.` } }));
  }
}

function sendFile(res: ServerResponse, file: string, transform?: (text: string) => string): void {
  readFile(file).then(
    (data) => {
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(transform ? transform(data.toString('utf8')) : data);
    },
    () => void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found'),
  );
}

/** A path below `root`, or undefined when the request tries to leave it. */
function inside(root: string, rel: string): string | undefined {
  const file = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

export async function startAddinPreview(options: AddinPreviewOptions): Promise<RunningAddinPreview> {
  const log = options.log ?? (() => {});
  const root = previewDir();
  const publicDir = path.join(root, 'public');
  const distDir = path.resolve(options.distDir ?? path.resolve(root, '..', 'dist'));
  await ensureBuilt(distDir, log);
  const gateway = options.gatewayUrl.replace(/\/+$/, '');
  const idp = options.idpUrl.replace(/\/+$/, '');
  let tokenEndpoint: Promise<string> | undefined;
  const discoverTokenEndpoint = (): Promise<string> => (tokenEndpoint ??= fetch(`${idp}/.well-known/openid-configuration`)
    .then((r) => r.json() as Promise<{ token_endpoint?: string }>)
    .then((d) => d.token_endpoint ?? `${idp}/token`)
    .catch((error: unknown) => { tokenEndpoint = undefined; throw error; }));

  const addinConfig = (origin: string): string => JSON.stringify({
    gatewayUrl: `${origin}/gateway`,
    auth: { kind: 'dev', tokenEndpoint: `${origin}/idp/token`, clientId: 'postbud-outlook-addin', username: options.caseworker ?? 'sara.sagsbehandler@solbjerg.example', scope: 'api://postbud-gateway/Letters.Send' },
  });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview');
    const p = decodeURIComponent(url.pathname);
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    if (p.startsWith('/gateway/')) return void forward(req, res, `${gateway}${p.slice('/gateway'.length)}${url.search}`);
    if (p === '/idp/token' && req.method === 'POST') return void discoverTokenEndpoint().then((t) => forward(req, res, t), () => res.writeHead(502).end());
    if (p === '/' || p === '/index.html') return sendFile(res, path.join(publicDir, 'preview.html'));
    if (p === '/addin/addin-config.json') return void res.writeHead(200, { 'Content-Type': TYPES['.json']!, 'Cache-Control': 'no-store' }).end(addinConfig(origin));
    // The real pane, with office.js replaced by the stand-in that reads the simulated mail.
    if (p === '/addin/taskpane.html') return sendFile(res, path.join(distDir, 'taskpane.html'), (html) => html.replace(OFFICE_JS_URL, '/preview/office-stub.js'));
    const file = p.startsWith('/addin/') ? inside(distDir, p.slice('/addin/'.length)) : p.startsWith('/preview/') ? inside(publicDir, p.slice('/preview/'.length)) : undefined;
    if (file) return sendFile(res, file);
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4200, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}/`;
  log(`Outlook add-in preview on ${url} (gateway ${gateway}, sign-in at ${idp})`);
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
