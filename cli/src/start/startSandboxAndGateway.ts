/**
 * Starts the gateway, optionally behind a freshly started local sandbox it is pointed at, and
 * closes whatever already runs if a later part fails to start. Shared by `postbud gateway
 * --with-sandbox` and `postbud start`.
 * @module
 */
import { startGateway } from '@postbud/gateway';
import type { RunningGateway } from '@postbud/gateway';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox } from '@postbud/sandbox';

export interface SandboxAndGatewayOptions {
  /** Start a sandbox first (`dataDir: null` keeps its state in memory). */
  readonly sandbox?: { readonly port: number; readonly dataDir: string | null };
  readonly gateway: {
    readonly configFile: string;
    /** Overrides `server.port`. */
    readonly port?: number;
    /** Overrides `ledger.file` (`:memory:` for a throw-away ledger). */
    readonly ledgerFile?: string;
  };
}

export interface RunningSandboxAndGateway {
  readonly sandbox?: RunningSandbox;
  readonly gateway: RunningGateway;
  readonly close: () => Promise<void>;
}

export async function startSandboxAndGateway(o: SandboxAndGatewayOptions): Promise<RunningSandboxAndGateway> {
  const sandbox = o.sandbox ? await startSandbox({ port: o.sandbox.port, dataDir: o.sandbox.dataDir, log: () => {} }) : undefined;
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      configFile: o.gateway.configFile,
      ...(o.gateway.port !== undefined ? { port: o.gateway.port } : {}),
      ...(o.gateway.ledgerFile !== undefined ? { ledgerFile: o.gateway.ledgerFile } : {}),
      ...(sandbox ? { routeUrl: sandbox.url } : {}),
    });
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
  return {
    ...(sandbox ? { sandbox } : {}),
    gateway,
    close: async () => {
      await gateway.close();
      await sandbox?.close();
    },
  };
}
