import { expect, test } from '@jest/globals';
import { run } from '../test/testContext.js';

test('--help lists the commands and exits 0', async () => {
  const r = await run(['--help']);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain('Usage: postbud');
  expect(r.stdout).toContain('memo');
  expect(r.stdout).toContain('Exit codes: 0 success');
  expect(r.stderr).toBe('');
});

test('--version prints the package version', async () => {
  const r = await run(['--version']);
  expect(r.exitCode).toBe(0);
  expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
});

test('an unknown command is a usage error (exit 2) in plain words', async () => {
  const r = await run(['sned']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain("unknown command 'sned'");
  expect(r.stdout).toBe('');
});

test('no arguments shows help on standard error and exits 2', async () => {
  const r = await run([]);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain('Usage: postbud');
  expect(r.stdout).toBe('');
});

test('CPR numbers in commander errors are masked', async () => {
  const r = await run(['0101901234']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain("unknown command '010190-****'");
  expect(r.stderr).not.toContain('0101901234');
});
