import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tempDir } from '../../test/fixtures.js';

const LEDGER_DIST = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/ledger/SqliteLedger.js')).href;

// In a process of its own: the bug was that the process ended inside close(), with nothing
// else pending, because the checkpoint worker was unreferenced. Needs the build (npm test runs tsc -b first).
test('closing the ledger as the last thing a process does finishes (the checkpoint worker keeps the process alive while it stops)', () => {
  const file = path.join(tempDir(), 'ledger.sqlite');
  const script = `const { SqliteLedger } = await import(${JSON.stringify(LEDGER_DIST)});
const ledger = SqliteLedger.open(${JSON.stringify(file)});
await ledger.close();
process.stdout.write('closed');`;
  // Waits past a checkpoint interval, so the worker has run (and would have reported a failure).
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script.replace('await ledger.close();', 'await new Promise((r) => setTimeout(r, 300));\nawait ledger.close();')], { encoding: 'utf8', timeout: 30_000 });
  expect(run.stdout).toBe('closed');
  expect(run.stderr).not.toContain('checkpoint failed');
});
