/**
 * The command could not do its work for a reason outside the SDK (e.g. the output file cannot
 * be written). `runCli` reports the message in plain words with exit code 1.
 * @module
 */
export class CliFailure extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = 'CliFailure';
  }
}
