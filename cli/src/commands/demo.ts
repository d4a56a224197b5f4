/**
 * `postbud demo` (what `npm start` runs): builds a sample reply-enabled letter, validates it,
 * and shows a summary and the start of its MeMo XML. The last step, `deliverDemoLetter`, is
 * the seam where sending through the local sandbox plugs in.
 * @module
 */
import type { Command } from 'commander';
import { maskCprInText, validateMemo, writeMemo } from '@postbud/sdk';
import type { CliContext } from '../CliContext.js';
import { CliFailure } from '../CliFailure.js';
import { buildDemoLetter } from '../demo/buildDemoLetter.js';
import { deliverDemoLetter } from '../demo/deliverDemoLetter.js';
import { describeMessage } from '../demo/describeMessage.js';

const XML_PREVIEW_LINES = 24;

interface DemoOptions {
  readonly lines: string;
}

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('build, validate and show a sample reply-enabled letter (all data fictional)')
    .option('--lines <n>', 'how many lines of the XML to show', String(XML_PREVIEW_LINES))
    .action(async (options: DemoOptions) => {
      const out = (line = ''): void => ctx.io.stdout(`${maskCprInText(line)}\n`);
      const message = buildDemoLetter();
      out('1. Built a letter with createMemoMessage:');
      for (const line of describeMessage(message)) out(line);
      out();
      const issues = validateMemo(message);
      if (issues.length > 0) {
        for (const i of issues) ctx.io.stderr(`${i.path}: ${i.code}: ${i.message}\n`);
        throw new CliFailure(`The demo letter is not valid MeMo (${issues.length} problems); this is a bug in postbud.`);
      }
      out('2. validateMemo: no problems (XSD rules and NgDP business rules).');
      out();
      const xml = writeMemo(message, { indent: '  ' });
      const lines = xml.split('\n');
      const shown = Math.max(1, Number.parseInt(options.lines, 10) || XML_PREVIEW_LINES);
      out(`3. writeMemo: ${Buffer.byteLength(xml)} bytes of MeMo XML. The first ${Math.min(shown, lines.length)} lines:`);
      for (const line of lines.slice(0, shown)) out(`   ${line.length > 110 ? `${line.slice(0, 107)}...` : line}`);
      if (lines.length > shown) out(`   ... (${lines.length - shown} more lines)`);
      out();
      await deliverDemoLetter(message, ctx);
    });
}
