/**
 * Drift check: regenerates the whole API reference (typedoc for the SDK, the gateway's
 * OpenAPI from its route definitions) into a temporary folder and compares it with the
 * committed docs/reference/. Jest maps @postbud/gateway to its TypeScript sources, so the
 * check sees the current code without a build.
 */
import { expect, test } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateReference, REFERENCE_DIR } from '../scripts/generate-reference.mjs';

async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return new Map(await Promise.all(files.sort().map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const)));
}

/** Names what differs: files only in one tree, and the first differing line of changed files. */
function differences(committed: ReadonlyMap<string, string>, fresh: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of fresh) {
    const old = committed.get(file);
    if (old === undefined) out.push(`missing: ${file}`);
    else if (old !== text) {
      const a = old.split('\n');
      const b = text.split('\n');
      let line = 0;
      while (a[line] === b[line]) line += 1;
      out.push(`changed: ${file} (line ${line + 1}: committed ${JSON.stringify(a[line] ?? null)}, generated ${JSON.stringify(b[line] ?? null)})`);
    }
  }
  for (const file of committed.keys()) if (!fresh.has(file)) out.push(`no longer generated: ${file}`);
  return out;
}

test('the committed API reference (docs/reference/) is what the sources generate', async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'postbud-reference-'));
  try {
    await generateReference({ outDir: tmp });
    const [committed, fresh] = await Promise.all([readTree(REFERENCE_DIR), readTree(tmp)]);
    expect(fresh.has('sdk/README.md') && fresh.has('gateway-openapi.json') && fresh.has('gateway-api.md')).toBe(true);
    const problems = differences(committed, fresh);
    if (problems.length > 0) {
      const shown = problems.slice(0, 15).map((p) => `  ${p}`).join('\n');
      throw new Error(
        `The API reference in docs/reference/ is out of date (${problems.length} file(s) differ):\n${shown}${problems.length > 15 ? '\n  …' : ''}\n` +
          'Run `npm run docs:reference -w @postbud/docs` (or `cd docs && npm run docs:reference`) and commit docs/reference/.',
      );
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});
