#!/usr/bin/env node
/**
 * The `postbud` bin: runs the CLI against the real process.
 * @module
 */
import { runCli } from './runCli.js';
import { createProcessContext } from './processContext.js';

await runCli(process.argv.slice(2), createProcessContext());
