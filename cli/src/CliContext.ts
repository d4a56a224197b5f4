/**
 * What a CLI command needs from the outside world. Commands never touch `process` directly,
 * so tests run them in-process with captured output.
 * @module
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for `-` file arguments). */
  readonly readStdin: () => Promise<Uint8Array>;
}

export interface CliContext {
  readonly io: CliIo;
  /** Sets the process exit code (the highest code set wins). */
  readonly setExitCode: (code: number) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory for relative paths. */
  readonly cwd: string;
}
