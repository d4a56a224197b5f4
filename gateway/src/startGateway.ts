/**
 * Starts a gateway in this process: config (checked: refuses to start on errors), plugins,
 * ledger, HTTP API, outbox worker and reply/status loop. Returns its URL and `close()`.
 * Used by `postbud gateway`, `npm start` and other packages' tests.
 * @module
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { PostbudError } from '@postbud/sdk';
import type { SenderSystemPlugin } from '@postbud/sdk';
import { createTokenVerifier } from './auth/createTokenVerifier.js';
import type { ConfigIssue } from './config/ConfigIssue.js';
import type { GatewayConfig } from './config/GatewayConfig.js';
import { configFromObject, formatConfigIssues, loadConfig } from './config/loadConfig.js';
import type { LoadedConfig } from './config/loadConfig.js';
import { deepFreeze } from './config/parseConfig.js';
import { createHttpServer } from './http/createHttpServer.js';
import { InboundLoop } from './inbound/InboundLoop.js';
import type { Ledger } from './ledger/Ledger.js';
import { SqliteLedger } from './ledger/SqliteLedger.js';
import { LetterService } from './letters/LetterService.js';
import { createLogger } from './logging/createLogger.js';
import { OutboxWorker } from './outbox/OutboxWorker.js';
import { PollingLoop } from './outbox/PollingLoop.js';
import { loadPlugins } from './plugins/loadPlugins.js';
import type { RoutePort } from './route/RoutePort.js';
import { SdkRoute } from './route/SdkRoute.js';
import { GATEWAY_VERSION } from './version.js';

export interface StartGatewayOptions {
  /** `postbud.config.yaml` / `.json`. Either this or `config`. */
  readonly configFile?: string;
  /** An already parsed config object; relative paths resolve against `baseDir` (default cwd). */
  readonly config?: unknown;
  readonly baseDir?: string;
  /** Override `server.port` (0 = any free port) and `server.host`. */
  readonly port?: number;
  readonly host?: string;
  /** Override the sandbox/route base URL. */
  readonly routeUrl?: string;
  /** Override the ledger file. */
  readonly ledgerFile?: string;
  /** Use this route instead of the SDK client (tests, other transports). */
  readonly route?: RoutePort;
  readonly logger?: Logger;
  readonly workers?: {
    /** @unit milliseconds */ readonly outboxIntervalMs?: number;
    /** @unit milliseconds */ readonly leaseMs?: number;
    /** @unit milliseconds */ readonly inboundIntervalMs?: number;
    /** Run the outbox worker and reply loop. @default true */
    readonly enabled?: boolean;
  };
}

export interface RunningGateway {
  readonly url: string;
  readonly config: GatewayConfig;
  readonly ledger: Ledger;
  readonly plugins: ReadonlyMap<string, SenderSystemPlugin>;
  /** Warnings found by the config checks (the gateway started anyway). */
  readonly warnings: readonly ConfigIssue[];
  /** Runs one outbox round and one inbound round now (tests, `postbud gateway --once`). */
  readonly tick: () => Promise<void>;
  readonly close: () => Promise<void>;
}

function withOverrides(loaded: LoadedConfig, o: StartGatewayOptions): GatewayConfig {
  const c = loaded.config;
  const file = o.ledgerFile ?? path.resolve(loaded.baseDir, c.ledger.file);
  // A sandbox on another port also moves its identity provider: follow it.
  const from = c.route.url?.replace(/\/$/, '');
  const moveIdp = o.routeUrl !== undefined && c.route.kind === 'sandbox' && from !== undefined && c.auth.issuer.startsWith(from);
  const to = o.routeUrl?.replace(/\/$/, '') ?? '';
  const auth = moveIdp
    ? { ...c.auth, issuer: to + c.auth.issuer.slice(from.length), ...(c.auth.jwksUri?.startsWith(from) ? { jwksUri: to + c.auth.jwksUri.slice(from.length) } : {}) }
    : c.auth;
  return deepFreeze({
    ...c,
    auth,
    route: { ...c.route, ...(o.routeUrl ? { url: o.routeUrl } : {}) },
    server: { ...c.server, ...(o.port !== undefined ? { port: o.port } : {}), ...(o.host ? { host: o.host } : {}) },
    ledger: { ...c.ledger, file },
  });
}

async function resolveConfig(o: StartGatewayOptions): Promise<{ config: GatewayConfig; issues: ConfigIssue[]; plugins: ReadonlyMap<string, SenderSystemPlugin> }> {
  if ((o.configFile === undefined) === (o.config === undefined)) throw new PostbudError('CONFIG_INVALID', 'Give startGateway either configFile or config.');
  const loaded = o.configFile !== undefined ? await loadConfig(o.configFile) : configFromObject(o.config, o.baseDir ?? process.cwd());
  const { plugins, issues: pluginIssues } = await loadPlugins(loaded.config, loaded.baseDir);
  const issues = [...loaded.issues, ...pluginIssues];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new PostbudError('CONFIG_INVALID', `The gateway will not start: the configuration has ${errors.length} error(s).\n${formatConfigIssues(errors, 'en')}`, { details: { issues: errors } });
  }
  return { config: withOverrides(loaded, o), issues, plugins };
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger();
  const { config, issues, plugins } = await resolveConfig(options);
  for (const w of issues) logger.warn({ code: w.code, path: w.path }, w.en);
  const ledger: Ledger = SqliteLedger.open(config.ledger.file);
  const route = options.route ?? new SdkRoute(config);
  const w = options.workers ?? {};
  const outbox = new OutboxWorker({ ledger, route, logger, owner: `${hostname()}:${process.pid}:${randomUUID()}`, ...(w.leaseMs ? { leaseMs: w.leaseMs } : {}) });
  const inbound = new InboundLoop({ ledger, route, plugins, logger });
  const onError = (what: string) => (error: unknown) => logger.error({ err: error }, `${what} round failed`);
  const outboxLoop = new PollingLoop(() => outbox.runOnce(), w.outboxIntervalMs ?? 1000, onError('outbox'));
  const inboundLoop = new PollingLoop(() => inbound.runOnce(), w.inboundIntervalMs ?? config.route.pollIntervalMs, onError('inbound'));
  let ready = false;
  const letters = new LetterService({ config, ledger, plugins, onAccepted: () => outboxLoop.wake() });
  const { app } = await createHttpServer(
    { config, ledger, letters, route, plugins, version: GATEWAY_VERSION, isReady: () => ready },
    createTokenVerifier(config.auth),
    logger,
  );
  await app.listen({ host: config.server.host, port: config.server.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.server.port;
  if (w.enabled !== false) {
    outboxLoop.start();
    inboundLoop.start();
  }
  ready = true;
  const url = `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
  logger.info({ url, route: config.route.kind, ledger: config.ledger.file }, 'gateway started');
  return {
    url, config, ledger, plugins, warnings: issues,
    tick: async () => {
      await outbox.runOnce();
      await inbound.runOnce();
    },
    close: async () => {
      ready = false;
      await Promise.all([outboxLoop.stop(), inboundLoop.stop()]);
      await app.close();
      for (const p of plugins.values()) await p.close?.();
      await route.close();
      await ledger.close();
    },
  };
}
