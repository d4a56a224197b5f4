/**
 * The demo's last step. For now it tells the reader where to go next; once the sandbox and the
 * SDK client exist, this is where the demo starts the sandbox and sends the letter through it.
 * @module
 */
import type { MemoMessage } from '@postbud/sdk';
import type { CliContext } from '../CliContext.js';

export async function deliverDemoLetter(message: MemoMessage, ctx: CliContext): Promise<void> {
  void message;
  ctx.io.stdout(
    'Next steps:\n' +
      '  postbud memo new --help        build your own letter from a PDF\n' +
      '  postbud memo validate FILE     check a MeMo file (add --xsd-dir DIR for the official XSDs)\n' +
      '  postbud sandbox --help         run a local Digital Post to send letters to\n' +
      '  docs/memo.md                   the MeMo model, validation codes and the CLI\n',
  );
}
