/**
 * Loads the fictional DOMUS cases in fixtures/cases.json (citizens of the sandbox world).
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DomusCase } from './DomusCaseStore.js';
import type { WriteLetterInput } from './DomusCaseSystem.js';

export interface DomusFixtureCase extends DomusCase {
  readonly letter: Omit<WriteLetterInput, 'caseId'>;
}

export function loadDomusFixtures(): readonly DomusFixtureCase[] {
  // From src/ (tests) and dist/domus-like/src/ (built) alike: the fixtures sit beside the sample.
  const candidates = ['../fixtures/cases.json', '../../../domus-like/fixtures/cases.json'];
  for (const rel of candidates) {
    try {
      return (JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as { cases: DomusFixtureCase[] }).cases;
    } catch {
      // try the next place
    }
  }
  throw new Error('domus-like/fixtures/cases.json not found.');
}
