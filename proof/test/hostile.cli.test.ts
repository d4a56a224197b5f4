/**
 * Hostile input against the CLI, in-process (`runCli` with a captured context): `postbud memo
 * validate` on every hostile MeMo file exits 1 or 2 with a message, never 0, never an
 * "unexpected error", and never prints a CPR number in clear.
 */
import { expect, test } from '@jest/globals';
import path from 'node:path';
import { runCli } from '../../cli/src/runCli.js';
import type { CliContext } from '../../cli/src/CliContext.js';
import { findUnmaskedCpr } from '../src/support/findUnmaskedCpr.js';
import { CORPUS_DIR, corpus } from './support/corpus.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let code = 0;
  let out = '';
  let err = '';
  const ctx: CliContext = {
    io: { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, readStdin: async () => new Uint8Array() },
    setExitCode: (c) => { code = Math.max(code, c); }, env: {}, cwd: CORPUS_DIR,
  };
  await runCli(args, ctx);
  return { code, out, err };
}

test('postbud memo validate refuses every hostile MeMo file with exit 1 or 2 and a message, without an unexpected error', async () => {
  const bad: string[] = [];
  let text = '';
  for (const item of corpus('memo-xml')) {
    const r = await cli(['memo', 'validate', path.join(CORPUS_DIR, item.file)]);
    text += r.out + r.err;
    if (r.code === 0 || (r.out + r.err).trim() === '' || /unexpected error/i.test(r.err)) bad.push(`${item.file}: exit ${r.code} ${r.err.slice(0, 100)}`);
  }
  expect(bad).toEqual([]);
  expect(findUnmaskedCpr(text)).toEqual([]);
});
