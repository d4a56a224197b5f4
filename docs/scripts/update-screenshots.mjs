#!/usr/bin/env node
/**
 * Refreshes the screenshots in docs/images/caseworkers/ from the Outlook add-in's browser tests.
 * The tests drive the built task pane in Chromium (stubbed Office, loopback gateway) and save a
 * screenshot of each step under test-artifacts/outlook-addin/ (git-ignored). This script runs
 * those tests and copies the screenshots the caseworker guide shows, under stable names.
 *
 * Usage (from the repository root or docs/):
 *   node docs/scripts/update-screenshots.mjs              run the browser tests, then copy
 *   node docs/scripts/update-screenshots.mjs --no-tests   copy what the last test run left
 * Needs Debian Chromium at /usr/bin/chromium (apt-get install -y chromium); without it the
 * add-in's browser tests are skipped and this script stops because screenshots are missing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/outlook-addin');
const TARGET = path.join(ROOT, 'docs/images/caseworkers');
/** Images for the docs stay small: the pane is 380 px wide (the tests' viewport). @unit bytes */
const MAX_BYTES = 150 * 1024;

/** Which test leaves which screenshot, and the name it gets in the docs. */
const SHOTS = [
  { test: 'test/taskpane.integ.test.ts', from: 'cpr-1-opened.png', to: '1-pane-opened.png' },
  { test: 'test/taskpane.integ.test.ts', from: 'cpr-2-filled.png', to: '2-citizen-filled.png' },
  { test: 'test/taskpane.integ.test.ts', from: 'cvr-1-refused.png', to: '3-company-warnings.png' },
  { test: 'test/taskpane.integ.test.ts', from: 'cvrp-1-filled.png', to: '4-production-unit.png' },
  { test: 'test/taskpane.integ.test.ts', from: 'cpr-3-receipt.png', to: '5-receipt.png' },
  { test: 'test/preview.e2e.test.ts', from: 'preview/preview-2-cpr-guard.png', to: '6-cpr-guard.png' },
];

/** Width and height from the PNG header (IHDR). @param {string} file */
function pngSize(file) {
  const header = readFileSync(file).subarray(0, 24);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

function runTests() {
  const tests = [...new Set(SHOTS.map((s) => s.test))];
  process.stdout.write(`Running the add-in's browser tests: ${tests.join(', ')}\n`);
  const result = spawnSync('npm', ['test', '-w', '@postbud/outlook-addin', '--', ...tests], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The add-in tests failed, so their screenshots may be stale: fix the tests first.');
}

function copyShots() {
  const missing = SHOTS.filter((s) => !existsSync(path.join(ARTIFACTS, s.from)));
  if (missing.length > 0) {
    throw new Error(`Missing screenshots in test-artifacts/outlook-addin/: ${missing.map((s) => s.from).join(', ')}. Is /usr/bin/chromium installed?`);
  }
  mkdirSync(TARGET, { recursive: true });
  for (const s of SHOTS) {
    const from = path.join(ARTIFACTS, s.from);
    const { width, height } = pngSize(from);
    const bytes = statSync(from).size;
    copyFileSync(from, path.join(TARGET, s.to));
    const warning = bytes > MAX_BYTES ? `  (larger than ${MAX_BYTES / 1024} KB: make the test's viewport smaller)` : '';
    process.stdout.write(`${s.to.padEnd(26)} ${width}x${height}  ${Math.round(bytes / 1024)} KB  <- ${s.from}${warning}\n`);
  }
}

const { values } = parseArgs({ options: { 'no-tests': { type: 'boolean' } } });
try {
  if (!values['no-tests']) runTests();
  copyShots();
  process.stdout.write(`Screenshots copied to ${path.relative(process.cwd(), TARGET) || '.'}; look at them before committing.\n`);
} catch (error) {
  process.stderr.write(`update-screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
