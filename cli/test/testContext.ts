/**
 * A {@link CliContext} for in-process tests: captures standard output and error, records the
 * exit code (highest wins, like the real one) and serves a fixed standard input.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../src/CliContext.js';
import { runCli } from '../src/runCli.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface TestContextOptions {
  readonly stdin?: string | Uint8Array;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function createTestContext(options: TestContextOptions = {}): { ctx: CliContext; result: () => CliRun } {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const stdin = typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array());
  const ctx: CliContext = {
    io: {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      readStdin: async () => stdin,
    },
    setExitCode: (code) => void (exitCode = Math.max(exitCode, code)),
    env: options.env ?? {},
    cwd: options.cwd ?? FIXTURES,
  };
  return { ctx, result: () => ({ stdout, stderr, exitCode }) };
}

/** Runs `postbud <argv>` in-process. */
export async function run(argv: readonly string[], options: TestContextOptions = {}): Promise<CliRun> {
  const { ctx, result } = createTestContext(options);
  await runCli(argv, ctx);
  return result();
}
