/**
 * `postbud sandbox`: runs the local Digital Post (SF1601, NgDP, web mailbox, status events,
 * fault injection) on one port. Runs until the process is stopped (Ctrl-C); the state is a
 * SQLite file under `.postbud/sandbox`, written transactionally, so stopping loses nothing.
 * @module
 */
import type { Command } from 'commander';
import { sandboxOptionsFromCli, SandboxOptionError, startSandbox, type RunningSandbox, type SandboxCliValues } from '@postbud/sandbox';
import type { CliContext } from '../CliContext.js';
import { CliUsageError } from '../CliUsageError.js';

interface SandboxCommandOptions extends Omit<SandboxCliValues, 'xsd'> {
  readonly xsd?: boolean;
  readonly quiet?: boolean;
}

/** Starts the sandbox for the CLI and prints its banner; exported so tests can stop it again. */
export async function startSandboxForCli(o: SandboxCommandOptions, ctx: CliContext): Promise<RunningSandbox> {
  let options;
  try {
    options = sandboxOptionsFromCli(o, ctx.cwd, (line) => {
      if (!o.quiet) ctx.io.stdout(`${new Date().toISOString()} ${line}\n`);
    });
  } catch (err) {
    if (err instanceof SandboxOptionError) throw new CliUsageError(err.message);
    throw err;
  }
  const sandbox = await startSandbox(options);
  ctx.io.stdout(`${sandbox.banner}\n`);
  return sandbox;
}

export function registerSandboxCommand(program: Command, ctx: CliContext): void {
  program
    .command('sandbox')
    .description('run a local Digital Post (SF1601 + NgDP + web mailbox) for development and tests')
    .option('--port <n>', 'TCP port (0 = any free port)', '4000')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'folder for the state (default .postbud/sandbox)')
    .option('--memory', 'keep all state in memory (lost on exit)')
    .option('--tls', 'serve HTTPS with mutual TLS (generates a CA, server and client certificate)')
    .option('--seed <n>', 'seed of the fault generator (same seed, same faults)')
    .option('--faults <spec>', 'fault rates, e.g. "503=0.1:2,429=0.05,reset=0.02,drop=0.05,slow=0.1:1500,sts=0.05,expire=0.02"')
    .option('--xsd-dir <dir>', 'folder with the official MeMo XSDs (default ../shared/reference/memo when present)')
    .option('--no-xsd', "validate with the SDK's rules only, even when XSDs are present")
    .option('--validation <mode>', 'full (default) or light (no XSD; for load tests)')
    .option('--duplicates <policy>', 'a repeated messageUUID gets the original receipt ("original", default) or is refused ("reject")')
    .option('--delivery-delay <ms>', 'how long an accepted letter waits before delivery', '1000')
    .option('--status-push <url>', 'POST PKO_PostStatus messages (Beskedfordeler envelope) to this URL')
    .option('--quiet', 'do not log each request')
    .addHelpText('after', '\nOpen http://127.0.0.1:4000/postkasse for the mailbox. See docs/sandbox.md.\n')
    .action(async (o: SandboxCommandOptions) => {
      await startSandboxForCli(o, ctx);
    });
}
