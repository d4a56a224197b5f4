/**
 * The one test of the built bin: proves the shebang, the ESM entry and the package `bin`
 * wiring work when run as a real process. Needs `npx tsc -b` first; skipped with a notice
 * when the build output is missing (every other CLI test runs in-process from sources).
 */
import { expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(cliDir, 'dist', 'main.js');
const built = existsSync(bin);
if (!built) process.stderr.write(`\n[postbud] NOTICE: ${bin} is missing (run npx tsc -b); the bin test is SKIPPED.\n\n`);

(built ? test : test.skip)('the built bin runs as a process: `node cli/dist/main.js --help`', async () => {
  const pkg = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  expect(path.resolve(cliDir, pkg.bin['postbud']!)).toBe(bin);
  expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  const { stdout } = await promisify(execFile)(process.execPath, [bin, '--help'], { timeout: 20_000 });
  expect(stdout).toContain('Usage: postbud');
  expect(stdout).toContain('memo');
  // npm makes the bin executable when linking; the shebang is what lets it run directly.
  expect(statSync(bin).isFile()).toBe(true);
});
