/**
 * `postbud gateway`: runs the municipality's Postbud gateway (HTTP API, outbox, reply loop)
 * until the process is stopped. `--with-sandbox` also starts the local sandbox first, so
 * `postbud gateway --with-sandbox` is a complete development setup on the embedded defaults.
 * @module
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { RunningGateway } from '@postbud/gateway';
import type { RunningSandbox } from '@postbud/sandbox';
import type { CliContext } from '../CliContext.js';
import { DEFAULT_CONFIG_FILE } from './config.js';
import { startSandboxAndGateway } from '../start/startSandboxAndGateway.js';

interface GatewayOptions {
  readonly config: string;
  readonly port?: string;
  readonly withSandbox?: boolean;
  readonly sandboxPort: string;
}

export interface RunningGatewayCli {
  readonly gateway: RunningGateway;
  readonly sandbox?: RunningSandbox;
  readonly close: () => Promise<void>;
}

/** Starts what the command starts and prints the URLs; exported so tests can stop it again. */
export async function startGatewayForCli(o: GatewayOptions, ctx: CliContext): Promise<RunningGatewayCli> {
  const { sandbox, gateway, close } = await startSandboxAndGateway({
    ...(o.withSandbox ? { sandbox: { port: Number(o.sandboxPort), dataDir: path.resolve(ctx.cwd, '.postbud/sandbox') } } : {}),
    gateway: { configFile: path.resolve(ctx.cwd, o.config), ...(o.port !== undefined ? { port: Number(o.port) } : {}) },
  });
  const lines = [
    ...(sandbox ? [`Sandbox (Digital Post):   ${sandbox.url}`, `  Mailbox:                ${sandbox.url}/postkasse`, `  Identity provider:      ${sandbox.url}/idp`] : []),
    `Gateway API:              ${gateway.url}/v1`,
    `  OpenAPI:                ${gateway.url}/openapi.json`,
    `  Replyability report:    ${gateway.url}/v1/reports/replyability?format=html`,
    `  Ledger:                 ${gateway.config.ledger.file}`,
    ...gateway.warnings.map((w) => `  Warning: ${w.path}: ${w.en}`),
  ];
  ctx.io.stdout(`${lines.join('\n')}\n`);
  return { gateway, ...(sandbox ? { sandbox } : {}), close };
}

export function registerGatewayCommand(program: Command, ctx: CliContext): void {
  program
    .command('gateway')
    .description("run the municipality's Postbud gateway (HTTP API, outbox, replies) until stopped")
    .option('--config <file>', 'the gateway configuration (YAML or JSON)', DEFAULT_CONFIG_FILE)
    .option('--port <n>', 'override server.port (0 = any free port)')
    .option('--with-sandbox', 'also start the local sandbox and point the gateway at it')
    .option('--sandbox-port <n>', 'port of the sandbox started by --with-sandbox', '4000')
    .addHelpText('after', '\nDevelopment:\n  postbud gateway --with-sandbox --config gateway/config/postbud.config.dev.yaml\n')
    .action(async (o: GatewayOptions) => {
      await startGatewayForCli(o, ctx);
    });
}
