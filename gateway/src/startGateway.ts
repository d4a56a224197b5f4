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
import { OutboxPump } from './outbox/OutboxPump.js';
import { OutboxWorker } from './outbox/OutboxWorker.js';
import { PollingLoop } from './outbox/PollingLoop.js';
import { loadPlugins } from './plugins/loadPlugins.js';
import type { RoutePort } from './route/RoutePort.js';
import { SdkRoute } from './route/SdkRoute.js';
import type { Caller } from './auth/Caller.js';
import { NO_DIRECTORY } from './directory/RecipientDirectory.js';
import type { RecipientDirectory } from './directory/RecipientDirectory.js';
import { SandboxRecipientDirectory } from './directory/SandboxRecipientDirectory.js';
import type { LetterRecord } from './ledger/records.js';
import type { CaseworkerChoices } from './letters/applyPolicy.js';
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
  /**
   * Plugin instances by sender-system id, used instead of loading the config's `plugin`
   * (samples and tests that build their plugin in-process). A sender system still needs an
   * entry in the config (label, policy, groups); its `plugin` field is then not loaded.
   */
  readonly plugins?: Readonly<Record<string, SenderSystemPlugin>>;
  /** Names and addresses of recipients (CPR/CVR register). Default: the sandbox's world for `route.kind: sandbox`, else none. */
  readonly directory?: RecipientDirectory;
  /** Environment for `route.passphraseEnv` / `route.apiTokenEnv`. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logger?: Logger;
  readonly workers?: {
    /** @unit milliseconds */ readonly outboxIntervalMs?: number;
    /** @unit milliseconds */ readonly leaseMs?: number;
    /** @unit milliseconds */ readonly inboundIntervalMs?: number;
    /** Run the outbox worker and reply loop. @default true */
    readonly enabled?: boolean;
  };
}

export interface SubmitOptions {
  readonly caller: Caller;
  /** The caseworker's reply choice and contact point (as in the HTTP request). */
  readonly choices?: CaseworkerChoices;
  /** Idempotency key: the same key from the same caller returns the original letter. */
  readonly clientKey?: string;
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
  /**
   * Accepts a letter in-process, through the same access check, plugin, policy and ledger as
   * `POST /v1/letters` (202 there = `created: true` here). `caller` is whom the ledger and
   * audit trail name; it must be allowed to use the sender system.
   */
  readonly submit: (senderSystemId: string, document: unknown, options: SubmitOptions) => Promise<{ readonly letter: LetterRecord; readonly created: boolean }>;
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

async function resolveConfig(o: StartGatewayOptions): Promise<{ config: GatewayConfig; issues: ConfigIssue[]; plugins: ReadonlyMap<string, SenderSystemPlugin>; baseDir: string }> {
  if ((o.configFile === undefined) === (o.config === undefined)) throw new PostbudError('CONFIG_INVALID', 'Give startGateway either configFile or config.');
  const loaded = o.configFile !== undefined ? await loadConfig(o.configFile) : configFromObject(o.config, o.baseDir ?? process.cwd());
  const { plugins, issues: pluginIssues } = await loadPlugins(loaded.config, loaded.baseDir, o.plugins ?? {});
  const issues = [...loaded.issues, ...pluginIssues];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new PostbudError('CONFIG_INVALID', `The gateway will not start: the configuration has ${errors.length} error(s).\n${formatConfigIssues(errors, 'en')}`, { details: { issues: errors } });
  }
  return { config: withOverrides(loaded, o), issues, plugins, baseDir: loaded.baseDir };
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger();
  const { config, issues, plugins, baseDir } = await resolveConfig(options);
  for (const w of issues) logger.warn({ code: w.code, path: w.path }, w.en);
  const route = options.route ?? (await SdkRoute.create(config, baseDir, options.env));
  const directory = options.directory ?? (config.route.kind === 'sandbox' && config.route.url ? new SandboxRecipientDirectory(config.route.url) : NO_DIRECTORY);
  const ledger: Ledger = SqliteLedger.open(config.ledger.file);
  const w = options.workers ?? {};
  const outbox = new OutboxWorker({ ledger, route, logger, owner: `${hostname()}:${process.pid}:${randomUUID()}`, ...(w.leaseMs ? { leaseMs: w.leaseMs } : {}) });
  const inbound = new InboundLoop({ ledger, route, plugins, logger });
  const onError = (what: string) => (error: unknown) => logger.error({ err: error }, `${what} round failed`);
  const outboxLoop = new OutboxPump(outbox, w.outboxIntervalMs ?? 1000, onError('outbox'));
  const inboundLoop = new PollingLoop(() => inbound.runOnce(), w.inboundIntervalMs ?? config.route.pollIntervalMs, onError('inbound'));
  let ready = false;
  const letters = new LetterService({ config, ledger, plugins, route, directory, onAccepted: () => outboxLoop.wake() });
  const apps = new Set(config.senderSystems.flatMap((s) => s.apps));
  const { app } = await createHttpServer(
    { config, ledger, letters, route, plugins, version: GATEWAY_VERSION, isReady: () => ready, routeHealth: () => outbox.routeHealth() },
    createTokenVerifier(config.auth, apps),
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
    submit: (senderSystemId, document, o) =>
      letters.accept({ caller: o.caller, senderSystemId, document, choices: o.choices ?? {}, ...(o.clientKey !== undefined ? { clientKey: o.clientKey } : {}) }),
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
