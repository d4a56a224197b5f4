/**
 * `postbud memo …`: work with MeMo files locally (no network): validate, format, new.
 * @module
 */
import type { Command } from 'commander';
import type { CliContext } from '../CliContext.js';
import { registerMemoFormatCommand } from './memoFormat.js';
import { registerMemoNewCommand } from './memoNew.js';
import { registerMemoValidateCommand } from './memoValidate.js';

export function registerMemoCommand(program: Command, ctx: CliContext): void {
  const memo = program
    .command('memo')
    .description('build, check and tidy MeMo letters (local files, no network)');
  memo.helpCommand(false);
  registerMemoValidateCommand(memo, ctx);
  registerMemoFormatCommand(memo, ctx);
  registerMemoNewCommand(memo, ctx);
}
