/**
 * Starts the sandbox: opens the store, loads the XSD validator when the XSDs are there, builds
 * the routes and listens on one port (HTTP, or HTTPS with mutual TLS).
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { maskCprInText } from '@postbud/sdk';
import { MemoXsdValidator, resolveMemoXsdDir } from '@postbud/sdk/node';
import { resolveOptions, type SandboxOptions } from './SandboxOptions.js';
import type { SandboxContext } from './SandboxContext.js';
import { SandboxStore } from './store/SandboxStore.js';
import { World } from './world/World.js';
import { WORLD } from './world/fixtures.js';
import { FaultPlan } from './faults/FaultPlan.js';
import { StatusFeed } from './status/StatusFeed.js';
import { MemoGate, type GateMode } from './letters/MemoGate.js';
import { DeliveryScheduler } from './letters/DeliveryScheduler.js';
import { DevIdentityProvider } from './idp/DevIdentityProvider.js';
import { buildRouter } from './routes.js';
import { createRequestListener } from './http/handleRequest.js';
import { loadOrCreateCertificates, type SandboxCertificates } from './tls/generateCertificates.js';

export interface RunningSandbox {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  readonly port: number;
  readonly validation: GateMode;
  /** Human-readable start-up banner (what runs where, which validation). */
  readonly banner: string;
  /** Generated PKI when started with `tls: true`. */
  readonly tls: SandboxCertificates | null;
  readonly store: SandboxStore;
  readonly world: World;
  readonly faults: FaultPlan;
  /** Delivers pending letters now and waits for their status pushes. */
  deliverNow(force?: boolean): Promise<number>;
  /** An Entra-like access token for a fictional caseworker (by UPN). */
  issueCaseworkerToken(upn: string, audience?: string): Promise<string>;
  close(): Promise<void>;
}

async function loadGate(xsdDir: string | null, validation: 'full' | 'light', log: (l: string) => void): Promise<MemoGate> {
  if (validation === 'light') return new MemoGate('light', null);
  const dir = xsdDir ? resolveMemoXsdDir(xsdDir) : null;
  if (!dir) return new MemoGate('sdk', null);
  try {
    return new MemoGate('xsd', await MemoXsdValidator.load(dir));
  } catch (err) {
    log(`could not load the MeMo XSDs from ${dir}: ${(err as Error).message}; using the SDK's rules`);
    return new MemoGate('sdk', null);
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const o = resolveOptions(options);
  const log = (line: string) => o.log(maskCprInText(line));
  const store = SandboxStore.open(o.dataDir);
  const world = new World(WORLD);
  const settings = { duplicates: o.duplicates, deliveryDelayMs: o.deliveryDelayMs, statusPushUrl: o.statusPushUrl };
  const statusFeed = new StatusFeed(store, () => settings.statusPushUrl, o.statusPushInsecure, log);
  const scheduler = new DeliveryScheduler(store, world, statusFeed, () => settings.deliveryDelayMs);
  let baseUrl = '';
  const ctx: SandboxContext = {
    options: o, settings, store, world, faults: new FaultPlan(o.faults, o.seed), statusFeed,
    memoGate: await loadGate(o.xsdDir, o.validation, log), scheduler, baseUrl: () => baseUrl, log,
  };
  const idp = new DevIdentityProvider(ctx);
  const listener = createRequestListener(buildRouter(ctx, idp), ctx);
  const certs = o.tls ? loadOrCreateCertificates(o.tlsDir ?? mkdtempSync(path.join(os.tmpdir(), 'postbud-sandbox-tls-'))) : null;
  const server = certs
    ? https.createServer({ key: certs.serverKeyPem, cert: certs.serverCertPem, ca: certs.caCertPem, requestCert: true, rejectUnauthorized: false }, listener)
    : http.createServer(listener);
  server.requestTimeout = 300_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `${certs ? 'https' : 'http'}://${o.host}:${port}`;
  scheduler.resume();
  const banner = [
    `Postbud sandbox on ${baseUrl}`,
    `  mailbox (postkasse):   ${baseUrl}/postkasse`,
    `  MeMo validation:       ${ctx.memoGate.describe()}`,
    `  state:                 ${store.location}`,
    `  NgDP API token:        Basic postbud-sandbox:sandbox-api-token`,
    ...(certs ? [`  mutual TLS: client certificate ${certs.clientCertPath}`, `              client key ${certs.clientKeyPath}`, `              CA ${certs.caCertPath}`] : []),
    ...(o.faults ? [`  faults:                ${o.faults} (seed ${o.seed})`] : []),
  ].join('\n');
  let closed = false;
  return {
    url: baseUrl, port, validation: ctx.memoGate.mode, banner, tls: certs, store, world, faults: ctx.faults,
    async deliverNow(force = false) {
      const n = scheduler.deliverPending(force);
      await statusFeed.flush();
      return n;
    },
    issueCaseworkerToken(upn, audience) {
      const c = world.data.caseworkers.find((w) => w.upn === upn);
      if (!c) return Promise.reject(new Error(`Unknown caseworker ${upn}.`));
      return idp.issueToken(c, audience);
    },
    async close() {
      if (closed) return;
      closed = true;
      scheduler.close();
      statusFeed.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
