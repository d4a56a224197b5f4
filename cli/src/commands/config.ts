/**
 * `postbud config check [file]`: reads the gateway configuration (YAML or JSON), runs the
 * checks the gateway runs at start (incl. loading the plugins), and prints every finding in
 * plain Danish (default) or English. Exit 1 when there are errors; warnings alone exit 0.
 * @module
 */
import path from 'node:path';
import type { Command } from 'commander';
import { formatConfigIssues, loadConfig, loadPlugins } from '@postbud/gateway';
import type { CliContext } from '../CliContext.js';
import { CliUsageError } from '../CliUsageError.js';
import { EXIT_FAILURE } from '../exitCodes.js';

export const DEFAULT_CONFIG_FILE = 'postbud.config.yaml';

interface CheckOptions {
  readonly lang: string;
  readonly json?: boolean;
}

export async function checkConfigFile(file: string, o: CheckOptions, ctx: CliContext): Promise<void> {
  if (o.lang !== 'da' && o.lang !== 'en') throw new CliUsageError('--lang must be da or en.');
  const loaded = await loadConfig(path.resolve(ctx.cwd, file));
  const { issues: pluginIssues } = await loadPlugins(loaded.config, loaded.baseDir);
  const issues = [...loaded.issues, ...pluginIssues];
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (o.json) {
    ctx.io.stdout(`${JSON.stringify({ file: loaded.file, errors, warnings: issues.length - errors, issues }, null, 2)}\n`);
  } else if (issues.length === 0) {
    ctx.io.stdout(o.lang === 'da' ? `${file}: ingen fejl eller advarsler.\n` : `${file}: no errors or warnings.\n`);
  } else {
    ctx.io.stdout(formatConfigIssues(issues, o.lang));
    const summary = o.lang === 'da'
      ? `${errors} fejl, ${issues.length - errors} advarsler.${errors > 0 ? ' Gatewayen starter ikke, før fejlene er rettet.' : ''}\n`
      : `${errors} error(s), ${issues.length - errors} warning(s).${errors > 0 ? ' The gateway will not start until the errors are fixed.' : ''}\n`;
    ctx.io.stdout(summary);
  }
  if (errors > 0) ctx.setExitCode(EXIT_FAILURE);
}

export function registerConfigCommand(program: Command, ctx: CliContext): void {
  const config = program.command('config').description('work with the gateway configuration (postbud.config.yaml / .json)');
  config
    .command('check')
    .description('check the gateway configuration for mistakes (errors stop the gateway, warnings do not)')
    .argument('[file]', 'the configuration file', DEFAULT_CONFIG_FILE)
    .option('--lang <lang>', 'language of the messages: da or en', 'da')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed), 1 errors found, 2 wrong usage.\nExample:\n  postbud config check gateway/config/postbud.config.dev.yaml --lang en\n')
    .action(async (file: string, o: CheckOptions) => {
      await checkConfigFile(file, o, ctx);
    });
}
