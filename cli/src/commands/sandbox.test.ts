import { expect, test } from '@jest/globals';
import { Command } from 'commander';
import { createTestContext } from '../../test/testContext.js';
import { CliUsageError } from '../CliUsageError.js';
import { registerSandboxCommand, startSandboxForCli } from './sandbox.js';

test('postbud sandbox starts on the given port, prints its banner and serves the mailbox', async () => {
  const { ctx, result } = createTestContext();
  const sandbox = await startSandboxForCli({ port: '0', memory: true, quiet: true }, ctx);
  try {
    expect(result().stdout).toContain(`Postbud sandbox on ${sandbox.url}`);
    expect(result().stdout).toContain('MeMo validation:');
    const res = await fetch(`${sandbox.url}/postkasse`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('lang="da"');
  } finally {
    await sandbox.close();
  }
});

test('bad sandbox options are usage errors in plain words', async () => {
  const { ctx } = createTestContext();
  await expect(startSandboxForCli({ port: 'abc', memory: true }, ctx)).rejects.toThrow(CliUsageError);
  await expect(startSandboxForCli({ memory: true, data: 'x' }, ctx)).rejects.toThrow(/exclude each other/);
  await expect(startSandboxForCli({ memory: true, faults: 'teapot=1' }, ctx)).rejects.toThrow(/Unknown fault kind/);
});

test('the command is registered with its options', () => {
  const { ctx } = createTestContext();
  const program = new Command('postbud');
  registerSandboxCommand(program, ctx);
  const cmd = program.commands.find((c) => c.name() === 'sandbox')!;
  const flags = cmd.options.map((o) => o.long);
  expect(flags).toEqual(expect.arrayContaining(['--port', '--data', '--memory', '--tls', '--seed', '--faults', '--xsd-dir']));
});
