/**
 * Starts what a sample needs on this machine: the sandbox (a local Digital Post) and, when
 * sender systems are given, a Postbud gateway configured for Solbjerg Kommune that routes to
 * the sandbox, trusts the sandbox's identity provider and loads the samples' plugins.
 * @module
 */
import path from 'node:path';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox, SandboxOptions } from '@postbud/sandbox';
import { startGateway, createLogger } from '@postbud/gateway';
import type { RunningGateway } from '@postbud/gateway';
import { AUTHORITY, CONTACT_POINTS } from './world.js';
import { GATEWAY_AUDIENCE } from './caseworkerToken.js';

export interface LocalStackOptions {
  /** Folder for the sandbox state and the gateway ledger. */
  readonly dataDir: string;
  /** `senderSystems` entries of the gateway config (see docs/municipal-it.md). None: no gateway. */
  readonly senderSystems?: readonly Readonly<Record<string, unknown>>[];
  /** @default 0 (any free port) */
  readonly sandboxPort?: number;
  /** @default 0 (any free port) */
  readonly gatewayPort?: number;
  readonly sandbox?: Omit<SandboxOptions, 'port' | 'dataDir'>;
  /** Gateway log level. @default 'warn' */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Run the gateway's outbox and reply loop in the background. Tests call `gateway.tick()` instead. @default true */
  readonly gatewayWorkers?: boolean;
}

export interface LocalStack {
  readonly sandbox: RunningSandbox;
  readonly gateway?: RunningGateway;
  close(): Promise<void>;
}

/** The gateway configuration of the samples, as municipal IT would write it in postbud.config.yaml. */
export function sampleGatewayConfig(sandboxUrl: string, senderSystems: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  return {
    authority: AUTHORITY,
    route: { kind: 'sandbox', url: sandboxUrl, pollIntervalMs: 1000 },
    contactPoints: [
      { id: CONTACT_POINTS.borgerservice, label: 'Borgerservice', active: true, visible: true },
      { id: CONTACT_POINTS.jobcenter, label: 'Jobcenter, sagsbehandlere', active: true, visible: false },
    ],
    senderSystems,
    // Caseworkers need the delegated scope Letters.Send; service identities (app-only tokens)
    // reach a sender system through the app role `Letters.Send.<id>` (the doc2mail app holds
    // `Letters.Send.doc2mail`) or by their client id in that system's `apps`.
    auth: { issuer: `${sandboxUrl}/idp`, audience: GATEWAY_AUDIENCE, requiredScope: 'Letters.Send' },
  };
}

export async function startLocalStack(o: LocalStackOptions): Promise<LocalStack> {
  const sandbox = await startSandbox({ deliveryDelayMs: 0, ...o.sandbox, port: o.sandboxPort ?? 0, dataDir: path.join(o.dataDir, 'sandbox') });
  if (o.senderSystems === undefined) return { sandbox, close: () => sandbox.close() };
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      config: sampleGatewayConfig(sandbox.url, o.senderSystems),
      baseDir: o.dataDir,
      ledgerFile: path.join(o.dataDir, 'gateway-ledger.sqlite'),
      port: o.gatewayPort ?? 0,
      host: '127.0.0.1',
      logger: createLogger({ level: o.logLevel ?? 'warn' }),
      workers: { enabled: o.gatewayWorkers ?? true, outboxIntervalMs: 200, inboundIntervalMs: 500 },
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return {
    sandbox,
    gateway,
    async close() {
      await gateway.close();
      await sandbox.close();
    },
  };
}
