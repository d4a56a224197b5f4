/**
 * Builds the `postbud` program and runs it once. A fresh commander program per call keeps
 * runs independent, so tests call `runCli` in-process with a captured {@link CliContext}.
 * @module
 */
import { Command, CommanderError } from 'commander';
import { isPostbudError, maskCprInText } from '@postbud/sdk';
import type { CliContext } from './CliContext.js';
import { CliFailure } from './CliFailure.js';
import { CliUsageError } from './CliUsageError.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exitCodes.js';
import { registerMemoCommand } from './commands/memo.js';
import { registerConfigCommand } from './commands/config.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerGatewayCommand } from './commands/gateway.js';
import { registerLookupCommand } from './commands/lookup.js';
import { registerReportCommand } from './commands/report.js';
import { registerSandboxCommand } from './commands/sandbox.js';
import { registerSendCommand } from './commands/send.js';
import { registerStartCommand } from './commands/start.js';
import { CLI_VERSION } from './version.js';

/** Error codes caused by what the user typed: reported as usage errors (exit 2). */
const USAGE_CODES: ReadonlySet<string> = new Set([
  'CPR_INVALID',
  'CVR_INVALID',
  'P_NUMBER_INVALID',
  'LETTER_INPUT_INVALID',
  'CONFIG_INVALID',
]);

export function createProgram(ctx: CliContext): Command {
  const program = new Command('postbud')
    .description('Postbud: build, check and send Danish Digital Post (MeMo letters over SF1601 and NgDP).')
    .version(CLI_VERSION, '-V, --version', 'print the version of postbud')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout(text),
      writeErr: (text) => ctx.io.stderr(maskCprInText(text)),
    })
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 the work failed (e.g. invalid MeMo), 2 the command was called wrongly.\n' +
        'Examples:\n  postbud demo\n  postbud memo validate letter.xml\n  postbud memo new --to 0101901234 --title "Afgørelse" --pdf letter.pdf > letter.xml\n',
    );
  program.helpCommand('help [command]', 'show help for a command');

  registerMemoCommand(program, ctx);
  registerLookupCommand(program, ctx);
  registerSendCommand(program, ctx);
  registerSandboxCommand(program, ctx);
  registerGatewayCommand(program, ctx);
  registerConfigCommand(program, ctx);
  registerReportCommand(program, ctx);
  registerDemoCommand(program, ctx);
  registerStartCommand(program, ctx);
  return program;
}

function reportError(error: unknown, ctx: CliContext): void {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version are successes.
    // (`commander.help` is help shown because a subcommand is missing: a usage error.)
    const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    ctx.setExitCode(ok ? EXIT_OK : EXIT_USAGE);
    return;
  }
  if (error instanceof CliUsageError) {
    ctx.io.stderr(`postbud: ${maskCprInText(error.message)}\n(add --help for usage)\n`);
    ctx.setExitCode(EXIT_USAGE);
    return;
  }
  if (error instanceof CliFailure) {
    ctx.io.stderr(`postbud: ${maskCprInText(error.message)}\n`);
    ctx.setExitCode(EXIT_FAILURE);
    return;
  }
  if (isPostbudError(error)) {
    ctx.io.stderr(`postbud: ${error.code}: ${maskCprInText(error.message)}\n`);
    ctx.setExitCode(USAGE_CODES.has(error.code) ? EXIT_USAGE : EXIT_FAILURE);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.io.stderr(`postbud: unexpected error: ${maskCprInText(message)}\n`);
  ctx.setExitCode(EXIT_FAILURE);
}

/**
 * Runs `postbud` with the user's arguments (without `node` and the script path).
 * Never throws and never exits the process: the outcome is reported through `ctx`.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<void> {
  const program = createProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    reportError(error, ctx);
  }
}
