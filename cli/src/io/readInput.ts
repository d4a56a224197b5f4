/**
 * Reads one input named on the command line: a file path (relative to the context's working
 * directory) or `-` for standard input. Failures become `FILE_UNREADABLE` in plain words.
 * @module
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PostbudError } from '@postbud/sdk';
import type { CliContext } from '../CliContext.js';

export interface CliInput {
  /** How the input is named in messages: the argument as typed, or `<stdin>`. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export const STDIN_NAME = '<stdin>';

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  return error instanceof Error ? error.message : String(error);
}

export async function readInput(arg: string, ctx: CliContext): Promise<CliInput> {
  if (arg === '-') return { name: STDIN_NAME, bytes: await ctx.io.readStdin() };
  const full = path.resolve(ctx.cwd, arg);
  try {
    return { name: arg, bytes: await readFile(full) };
  } catch (error) {
    throw new PostbudError('FILE_UNREADABLE', `Cannot read ${arg}: ${describeFsError(error)}.`, { cause: error });
  }
}
