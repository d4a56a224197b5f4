/**
 * Locates the project's shared reference material (`../shared/reference/…`, beside the
 * repository in CI and on developer machines, absent in a user's clone).
 *
 * Absent: tests that need it are skipped with a visible notice, except when `CI=true`,
 * where its absence fails the run (CI must never pass by skipping).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_REFERENCE_DIR = path.resolve(repoRoot, '..', 'shared', 'reference');

export function sharedReference(subpath: string): string | null {
  const full = path.join(SHARED_REFERENCE_DIR, subpath);
  if (existsSync(full)) return full;
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but the shared reference ${full} is missing: these tests must not be skipped in CI.`);
  }
  process.stderr.write(`\n[postbud] NOTICE: ${full} is absent; tests that need it are SKIPPED.\n\n`);
  return null;
}
