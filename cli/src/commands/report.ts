/**
 * `postbud report`: the replyability table (per sender system: letters sent, share
 * reply-enabled, replies received, median hours to reply) read straight from the gateway's
 * ledger, like `GET /v1/reports/replyability`.
 * @module
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { buildReplyabilityReport, loadConfig, replyabilityCsv, replyabilityTable, SqliteLedger } from '@postbud/gateway';
import type { CliContext } from '../CliContext.js';
import { CliUsageError } from '../CliUsageError.js';
import { DEFAULT_CONFIG_FILE } from './config.js';

interface ReportOptions {
  readonly config: string;
  readonly ledger?: string;
  readonly from?: string;
  readonly to?: string;
  readonly format: string;
}

function isoOrUsage(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new CliUsageError(`--${name} must be a date such as 2025-03-01.`);
  return new Date(t).toISOString();
}

async function ledgerFile(o: ReportOptions, ctx: CliContext): Promise<string> {
  if (o.ledger !== undefined) return path.resolve(ctx.cwd, o.ledger);
  const loaded = await loadConfig(path.resolve(ctx.cwd, o.config));
  return path.resolve(loaded.baseDir, loaded.config.ledger.file);
}

export async function runReport(o: ReportOptions, ctx: CliContext): Promise<void> {
  if (!['table', 'csv', 'json'].includes(o.format)) throw new CliUsageError('--format must be table, csv or json.');
  const file = await ledgerFile(o, ctx);
  if (!existsSync(file)) throw new CliUsageError(`There is no ledger at ${file}. Has the gateway run with this configuration?`);
  const ledger = SqliteLedger.open(file);
  try {
    const from = isoOrUsage('from', o.from);
    const to = isoOrUsage('to', o.to);
    const report = await buildReplyabilityReport(ledger, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
    ctx.io.stdout(o.format === 'csv' ? replyabilityCsv(report) : o.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : replyabilityTable(report));
  } finally {
    await ledger.close();
  }
}

export function registerReportCommand(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description('replyability per sender system: letters sent, share reply-enabled, replies, median time to reply')
    .option('--config <file>', 'the gateway configuration (to find the ledger)', DEFAULT_CONFIG_FILE)
    .option('--ledger <file>', 'the ledger SQLite file (instead of --config)')
    .option('--from <date>', 'start of the period (default 30 days before --to)')
    .option('--to <date>', 'end of the period (default now)')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (o: ReportOptions) => {
      await runReport(o, ctx);
    });
}
