/**
 * `postbud memo new`: builds a letter (or a NemSMS) from options and writes its MeMo XML with
 * the streaming writer, so attachments are read lazily and never held in memory whole.
 * @module
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { createMemoMessage, maskCprInText, validateMemo, writeMemoStream } from '@postbud/sdk';
import { fileContent } from '@postbud/sdk/node';
import type { CliContext } from '../CliContext.js';
import { CliFailure } from '../CliFailure.js';
import { resolvePath } from '../io/resolvePath.js';
import { writeOutput } from '../io/writeOutput.js';
import { DEMO_AUTHORITY } from '../memo/demoAuthority.js';
import { letterInputFromOptions } from '../memo/letterInputFromOptions.js';
import type { MemoNewOptions } from '../memo/letterInputFromOptions.js';

interface NewCommandOptions extends MemoNewOptions {
  readonly output?: string;
}

const HELP_AFTER = `
The sender defaults to a fictional authority, "${DEMO_AUTHORITY.label}" (CVR ${DEMO_AUTHORITY.cvr}).
--to decides the recipient type: 8 digits is a CVR number, 10 digits or DDMMYY-NNNN a CPR number.
Filenames come from the file paths, with characters NgDP rejects (: ? * | …) replaced by "-".
The letter is checked with validateMemo; if it has problems they are listed and nothing is written.

Examples:
  postbud memo new --to 0101901234 --title "Afgørelse om boligstøtte" --pdf afgoerelse.pdf > letter.xml
  postbud memo new --to 13585628 --p-number 1012345678 --title "Kontrolbesøg" --pdf brev.pdf \\
      --reply --contact-point ${DEMO_AUTHORITY.contactPointId} --reply-by 2030-01-31 -o letter.xml
`;

export function registerMemoNewCommand(memo: Command, ctx: CliContext): void {
  memo
    .command('new')
    .description('build a MeMo letter from a PDF and write its XML to standard output')
    .requiredOption('--to <cpr|cvr>', 'recipient: CPR number (citizen) or CVR number (company)')
    .option('--p-number <pnumber>', 'address one production unit of the company (10 digits; needs a CVR in --to)')
    .requiredOption('--title <text>', 'the title the recipient sees (MessageHeader/label)')
    .option('--pdf <file>', 'the letter itself (main document)')
    .option('--attach <file...>', 'attachments (additional documents), one or more files')
    .option('--reply', 'let the recipient answer (MessageHeader/reply = true)')
    .option('--contact-point <uuid>', 'NgDP contact point that receives replies (Sender/ContactPoint)')
    .option('--reply-by <date>', 'reply-by date: 2026-12-31 (end of day, UTC) or an ISO date-time')
    .option('--case-id <id>', 'case number in your case system (ContentData/CaseID; with --case-system)')
    .option('--case-system <name>', 'name of the case system (with --case-id)')
    .option('--kle <key>', 'KLE subject key, e.g. 32.18.08 (ContentData/KLEdata)')
    .option('--kle-version <edition>', 'KLE edition the key comes from, e.g. "Maj 2018" (required with --kle)')
    .option('--kle-label <text>', 'KLE label (default "KLE <key>")')
    .addOption(new Option('--memo-version <version>', 'MeMo version').choices(['1.1', '1.2']).default('1.2'))
    .option('--sender-cvr <cvr>', `sender CVR number (default ${DEMO_AUTHORITY.cvr}, fictional)`)
    .option('--sender-label <text>', `sender name (default "${DEMO_AUTHORITY.label}")`)
    .option('--recipient-name <text>', 'recipient name (Recipient/label)')
    .option('--nemsms', 'build a NemSMS (no documents) instead of a letter')
    .option('--notification <text>', 'notification text; for --nemsms the SMS itself (at most 150 characters)')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText('after', HELP_AFTER)
    .action(async (options: NewCommandOptions) => {
      const input = letterInputFromOptions(options, (p) => fileContent(resolvePath(p, ctx)));
      const message = createMemoMessage(input);
      // Refuse to write a letter NgDP would reject: the options are the user's to fix.
      const issues = validateMemo(message);
      if (issues.length > 0) {
        for (const i of issues) ctx.io.stderr(`${i.path}: ${i.code}: ${maskCprInText(i.message)}\n`);
        throw new CliFailure(`The letter is not valid MeMo (${issues.length} problem${issues.length === 1 ? '' : 's'} above); nothing was written.`);
      }
      await writeOutput(writeMemoStream(message), ctx, options.output);
    });
}
