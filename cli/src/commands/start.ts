/**
 * `postbud start` (what `npm start` runs): the whole product on one machine with no
 * certificates. Starts the local sandbox (Digital Post, mailbox, identity provider) and the
 * gateway with its ready-made development config, serves the Outlook add-in's preview page, sends a demo letter through the gateway's
 * API, and prints where to look. Runs until stopped (Ctrl-C); state is kept under `.postbud/`.
 * @module
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Command } from 'commander';
import type { RunningGateway } from '@postbud/gateway';
import { startAddinPreview } from '@postbud/outlook-addin/preview';
import type { RunningAddinPreview } from '@postbud/outlook-addin/preview';
import type { RunningSandbox } from '@postbud/sandbox';
import type { CliContext } from '../CliContext.js';
import { DEMO_CASEWORKER, sendDemoLetter } from '../start/sendDemoLetter.js';
import { startSandboxAndGateway } from '../start/startSandboxAndGateway.js';

interface StartOptions {
  readonly port: string;
  readonly gatewayPort: string;
  readonly addinPort: string;
  readonly memory?: boolean;
  readonly demo: boolean;
  readonly addin: boolean;
}

export interface RunningStack {
  readonly sandbox: RunningSandbox;
  readonly gateway: RunningGateway;
  readonly addinPreview?: RunningAddinPreview;
  readonly demoLetter?: { readonly id: string; readonly state: string };
  readonly close: () => Promise<void>;
}

/** The development config shipped with the gateway package. */
export function devConfigFile(): string {
  const gatewayPackage = createRequire(import.meta.url).resolve('@postbud/gateway/package.json');
  return path.join(path.dirname(gatewayPackage), 'config', 'postbud.config.dev.yaml');
}

export async function startStack(o: StartOptions, ctx: CliContext): Promise<RunningStack> {
  const dataDir = path.resolve(ctx.cwd, '.postbud');
  const { sandbox, gateway, close: closeServers } = await startSandboxAndGateway({
    sandbox: { port: Number(o.port), dataDir: o.memory ? null : path.join(dataDir, 'sandbox') },
    gateway: {
      configFile: devConfigFile(),
      port: Number(o.gatewayPort),
      ledgerFile: o.memory ? ':memory:' : path.join(dataDir, 'ledger.sqlite'),
    },
  });
  if (!sandbox) throw new Error('startSandboxAndGateway started no sandbox although one was asked for.');
  let addinPreview: RunningAddinPreview | undefined;
  try {
    addinPreview = o.addin
      ? await startAddinPreview({ gatewayUrl: gateway.url, idpUrl: `${sandbox.url}/idp`, port: Number(o.addinPort) })
      : undefined;
  } catch (error) {
    await closeServers();
    throw error;
  }
  const close = async (): Promise<void> => {
    await addinPreview?.close();
    await closeServers();
  };
  const out = (line = ''): void => ctx.io.stdout(`${line}\n`);
  out('Postbud is running on the embedded defaults (all data fictional, no certificates needed):');
  out(`  Sandbox (Digital Post):   ${sandbox.url}   (${sandbox.banner.split('\n')[0] ?? ''})`);
  out(`  Web mailbox:              ${sandbox.url}/postkasse`);
  out(`  Identity provider:        ${sandbox.url}/idp/.well-known/openid-configuration`);
  out(`  Gateway API:              ${gateway.url}/v1   (OpenAPI: ${gateway.url}/openapi.json)`);
  out(`  Replyability report:      ${gateway.url}/v1/reports/replyability?format=html`);
  if (addinPreview) out(`  Outlook add-in preview:   ${addinPreview.url}   (the real task pane beside a simulated compose window)`);
  for (const w of gateway.warnings) out(`  Config warning: ${w.path}: ${w.en}`);
  let demoLetter: RunningStack['demoLetter'];
  if (o.demo) {
    const token = await sandbox.issueCaseworkerToken(DEMO_CASEWORKER, gateway.config.auth.audience);
    demoLetter = await sendDemoLetter(gateway.url, token);
    out();
    out(`Demo: ${DEMO_CASEWORKER} sent a reply-enabled letter through the gateway (letter ${demoLetter.id}): ${demoLetter.state}.`);
    out(`  Read it and answer it as the citizen: ${sandbox.url}/postkasse (choose Anna Jensen).`);
    out(`  The answer comes back to the case: GET ${gateway.url}/v1/letters/${demoLetter.id}/replies`);
  }
  out();
  out('Press Ctrl-C to stop. State is kept in .postbud/ (delete it to start afresh).');
  return { sandbox, gateway, ...(addinPreview ? { addinPreview } : {}), ...(demoLetter ? { demoLetter } : {}), close };
}

export function registerStartCommand(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('run the local sandbox and the gateway together on the embedded defaults and send a demo letter')
    .option('--port <n>', 'port of the sandbox (0 = any free port)', '4000')
    .option('--gateway-port <n>', 'port of the gateway (0 = any free port)', '4100')
    .option('--addin-port <n>', 'port of the Outlook add-in preview page (0 = any free port)', '4200')
    .option('--no-addin', 'do not serve the Outlook add-in preview page')
    .option('--memory', 'keep all state in memory instead of .postbud/')
    .option('--no-demo', 'do not send the demo letter')
    .action(async (o: StartOptions) => {
      await startStack(o, ctx);
    });
}
