/**
 * The sandbox in a process of its own, for benchmarks and soak tests (so the sender's RSS and
 * CPU are measured without it). Options come as one JSON argument (`SandboxOptions`); prints
 * `{"event":"listening","url":…}` when ready and stops on SIGTERM.
 * @module
 */
import { startSandbox } from '@postbud/sandbox';
import type { SandboxOptions } from '@postbud/sandbox';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions;
  const sandbox = await startSandbox({ port: 0, dataDir: null, validation: 'light', log: () => {}, ...options });
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: sandbox.url, validation: sandbox.validation })}\n`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox child: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
