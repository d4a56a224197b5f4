/**
 * Builds the add-in with webpack into a temp folder named by a hash of everything the build
 * reads (sources, assets, manifest, build scripts), so the test files of one run (and later
 * runs without changes) share one build instead of spending ~20 s each. A lock folder keeps
 * two Jest workers from building the same thing at once. The cached output is read-only for tests.
 * @module
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ADDIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const INPUTS = ['src', 'assets', 'manifest', 'build', 'webpack.config.js', 'package.json'];

async function files(p: string): Promise<string[]> {
  const s = await stat(p);
  if (!s.isDirectory()) return [p];
  const entries = await readdir(p);
  return (await Promise.all(entries.filter((e) => !e.endsWith('.test.ts')).sort().map((e) => files(path.join(p, e))))).flat();
}

async function inputHash(mode: string): Promise<string> {
  const hash = createHash('sha256').update(mode).update(JSON.stringify(Object.entries(process.env).filter(([k]) => k.startsWith('POSTBUD_')).sort()));
  for (const f of (await Promise.all(INPUTS.map((i) => files(path.join(ADDIN_DIR, i))))).flat()) {
    hash.update(path.relative(ADDIN_DIR, f)).update(await readFile(f));
  }
  return hash.digest('hex').slice(0, 16);
}

async function withLock<T>(lock: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // A crashed run may leave a lock behind: a build never takes 5 minutes.
      if (Date.now() - (await stat(lock).then((s) => s.mtimeMs, () => Date.now())) > 300_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`Timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export async function buildAddin(mode: 'production' | 'development' = 'production'): Promise<string> {
  const out = path.join(tmpdir(), `postbud-addin-build-${mode}-${await inputHash(mode)}`);
  const done = path.join(out, '.complete');
  if (existsSync(done)) return out;
  return withLock(`${out}.lock`, async () => {
    if (existsSync(done)) return out;
    const partial = `${out}.partial`;
    await rm(partial, { recursive: true, force: true });
    const cli = path.resolve(ADDIN_DIR, '../node_modules/webpack-cli/bin/cli.js');
    await promisify(execFile)(process.execPath, [cli, '--mode', mode, '--env', `out=${partial}`], { cwd: ADDIN_DIR, maxBuffer: 16 * 1024 * 1024 });
    await writeFile(path.join(partial, '.complete'), new Date().toISOString());
    await rm(out, { recursive: true, force: true });
    await rename(partial, out);
    return out;
  });
}
