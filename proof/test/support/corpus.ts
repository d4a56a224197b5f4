/** The hostile-input corpus (proof/corpus): its manifest and file contents. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROOF_DIR } from '../../src/support/paths.js';

export interface CorpusItem {
  readonly file: string;
  readonly target: string;
  readonly expect: string;
}

export const CORPUS_DIR = path.join(PROOF_DIR, 'corpus');

export function corpus(target?: string): CorpusItem[] {
  const m = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { items: CorpusItem[] };
  return m.items.filter((i) => target === undefined || i.target === target);
}

export function content(item: CorpusItem): string {
  return readFileSync(path.join(CORPUS_DIR, item.file), 'utf8');
}
