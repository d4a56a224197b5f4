/**
 * `postbud memo format <file>`: reads MeMo XML (any prefixes, any formatting) and writes it
 * back in canonical form: `memo:` prefixes, XSD element order, UTF-8. Rule violations are
 * `validate`'s business; format fails only when the input cannot be read as MeMo at all.
 * @module
 */
import type { Command } from 'commander';
import { parseMemo, writeMemo } from '@postbud/sdk';
import type { CliContext } from '../CliContext.js';
import { readInput } from '../io/readInput.js';

export function registerMemoFormatCommand(memo: Command, ctx: CliContext): void {
  memo
    .command('format')
    .description('rewrite a MeMo file in canonical form (memo: prefixes, XSD order, UTF-8) to standard output')
    .argument('<file>', 'MeMo XML file; - reads standard input')
    .addHelpText('after', '\nFails (exit 1) only when the input is not MeMo XML at all; use "postbud memo validate" to check the rules.\n')
    .action(async (file: string) => {
      const input = await readInput(file, ctx);
      const { message, issues } = parseMemo(input.bytes);
      ctx.io.stdout(writeMemo(message));
      if (issues.length > 0) {
        ctx.io.stderr(`Note: ${input.name} has ${issues.length} structural issue${issues.length === 1 ? '' : 's'}; run "postbud memo validate" for details.\n`);
      }
    });
}
