/**
 * A mistake in how the command was called (a bad option value, a missing companion option).
 * `runCli` reports it in plain words with exit code 2, like commander's own usage errors.
 * @module
 */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
