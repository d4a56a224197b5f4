/** Builds the add-in with webpack (production) into a folder, once per test file. */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ADDIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function buildAddin(mode: 'production' | 'development' = 'production'): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'postbud-addin-'));
  const cli = path.resolve(ADDIN_DIR, '../node_modules/webpack-cli/bin/cli.js');
  await promisify(execFile)(process.execPath, [cli, '--mode', mode, '--env', `out=${out}`], { cwd: ADDIN_DIR, maxBuffer: 16 * 1024 * 1024 });
  return out;
}
