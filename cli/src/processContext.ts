/**
 * The real {@link CliContext}: the process's streams, environment and working directory.
 * Only `main.ts` uses it; tests build their own context.
 * @module
 */
import type { CliContext } from './CliContext.js';

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

export function createProcessContext(): CliContext {
  return Object.freeze({
    io: Object.freeze({
      stdout: (text: string) => void process.stdout.write(text),
      stderr: (text: string) => void process.stderr.write(text),
      readStdin: readAllStdin,
    }),
    setExitCode: (code: number) => {
      // The highest code set wins, so a later success cannot hide an earlier failure.
      if (code > (typeof process.exitCode === 'number' ? process.exitCode : 0)) process.exitCode = code;
    },
    env: process.env,
    cwd: process.cwd(),
  });
}
