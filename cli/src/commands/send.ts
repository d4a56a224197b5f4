/**
 * `postbud send`: builds a letter from the same options as `postbud memo new`, then sends it
 * over SF1601 or NgDP on the chosen channel and prints the receipt.
 * @module
 */
import { Option, type Command } from 'commander';
import { maskCprInText, type Channel, type PhysicalPostOptions, type SendResult } from '@postbud/sdk';
import { fileContent } from '@postbud/sdk/node';
import type { CliContext } from '../CliContext.js';
import { CliUsageError } from '../CliUsageError.js';
import { resolvePath } from '../io/resolvePath.js';
import { letterInputFromOptions, type MemoNewOptions } from '../memo/letterInputFromOptions.js';
import { addClientOptions, clientFromCliOptions, type ClientCliOptions } from './lookup.js';

interface SendCommandOptions extends MemoNewOptions, ClientCliOptions {
  readonly channel?: Channel;
  readonly printName?: string;
  readonly printAddress?: readonly string[];
  readonly printPostcode?: string;
  readonly transactionId?: string;
}

const HELP_AFTER = `
Channels: digital (default), physical (fjernprint via SF1601; needs --print-name and --print-address),
nemsms (with --nemsms --notification), auto (digital if the recipient can receive it, otherwise
physical when a print address is given).

Examples:
  postbud send --to 0101901234 --title "Afgørelse" --pdf afgoerelse.pdf
  postbud send --to 13585628 --p-number 1012345678 --title "Kontrolbesøg" --pdf brev.pdf \\
      --reply --contact-point 8f14e45f-ceea-4e7a-9d4b-2c1a7b3e5f60 --reply-by 2026-12-31 --json
  postbud send --to 0101901234 --title "Afgørelse" --pdf brev.pdf --channel auto \\
      --print-name "Fiktiv Person" --print-address "Testvej 1" "8000 Aarhus C"
`;

function physicalOptions(o: SendCommandOptions): PhysicalPostOptions | undefined {
  if (o.printName === undefined && o.printAddress === undefined) {
    if (o.channel === 'physical') throw new CliUsageError('--channel physical needs --print-name and --print-address (the envelope).');
    return undefined;
  }
  if (o.printName === undefined || o.printAddress === undefined) throw new CliUsageError('--print-name and --print-address go together.');
  return { address: { name: o.printName, lines: o.printAddress, ...(o.printPostcode ? { postCode: o.printPostcode } : {}) } };
}

function describe(result: SendResult): string {
  return (
    `Sent ${result.messageUUID} via ${result.service} (${result.channel})${result.duplicate ? ' — already received before; original receipt' : ''}\n` +
    `  transaction id:  ${result.transactionId}\n` +
    `  transmission id: ${result.transmissionId ?? '(none given; use the transaction id)'}\n` +
    `  receipt:         ${result.receiptStatus}\n`
  );
}

export function registerSendCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('send')
    .description('build a letter (as memo new does) and send it over SF1601 or NgDP')
    .requiredOption('--to <cpr|cvr>', 'recipient: CPR number (citizen) or CVR number (company)')
    .option('--p-number <pnumber>', 'address one production unit of the company (10 digits; needs a CVR in --to)')
    .requiredOption('--title <text>', 'the title the recipient sees')
    .option('--pdf <file>', 'the letter itself (main document)')
    .option('--attach <file...>', 'attachments, one or more files')
    .option('--reply', 'let the recipient answer')
    .option('--contact-point <uuid>', 'NgDP contact point that receives replies')
    .option('--reply-by <date>', 'reply-by date: 2026-12-31 or an ISO date-time')
    .option('--case-id <id>', 'case number in your case system (with --case-system)')
    .option('--case-system <name>', 'name of the case system (with --case-id)')
    .option('--kle <key>', 'KLE subject key (with --kle-version)')
    .option('--kle-version <edition>', 'KLE edition, e.g. "Maj 2018"')
    .option('--kle-label <text>', 'KLE label')
    .addOption(new Option('--memo-version <version>', 'MeMo version').choices(['1.1', '1.2']).default('1.2'))
    .option('--recipient-name <text>', 'recipient name (Recipient/label)')
    .option('--nemsms', 'send a NemSMS (no documents)')
    .option('--notification <text>', 'notification text; for --nemsms the SMS itself')
    .addOption(new Option('--channel <channel>', 'how to deliver').choices(['digital', 'physical', 'nemsms', 'auto']))
    .option('--print-name <name>', 'fjernprint: name on the envelope')
    .option('--print-address <line...>', 'fjernprint: address lines (each ≤ 34 characters)')
    .option('--print-postcode <nnnn>', 'fjernprint: postcode')
    .option('--transaction-id <uuid>', 'your own transaction id (v4 UUID) for idempotent re-runs');
  addClientOptions(command)
    .addHelpText('after', HELP_AFTER)
    .action(async (options: SendCommandOptions) => {
      const channel: Channel = options.channel ?? (options.nemsms ? 'nemsms' : 'digital');
      const physical = physicalOptions({ ...options, channel });
      const letter = letterInputFromOptions(options, (p) => fileContent(resolvePath(p, ctx)));
      const client = await clientFromCliOptions(options, ctx);
      const result = await client.send(letter, { channel, ...(physical ? { physical } : {}), ...(options.transactionId ? { transactionId: options.transactionId } : {}) });
      ctx.io.stdout(options.json ? `${maskCprInText(JSON.stringify({ ...result, rawReceipt: undefined, receipt: result.rawReceipt }, null, 2))}\n` : describe(result));
    });
}
