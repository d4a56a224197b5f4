/**
 * Resolves a path typed by the user against the context's working directory (never the
 * process's, so in-process tests can run with any `cwd`).
 * @module
 */
import path from 'node:path';
import type { CliContext } from '../CliContext.js';

export function resolvePath(userPath: string, ctx: CliContext): string {
  return path.resolve(ctx.cwd, userPath);
}
