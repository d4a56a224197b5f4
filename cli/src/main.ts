#!/usr/bin/env node
/**
 * The `postbud` bin: runs the CLI against the real process.
 * @module
 */
import { runCli } from './runCli.js';
import { createProcessContext } from './processContext.js';

// `postbud demo | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

await runCli(process.argv.slice(2), createProcessContext());
