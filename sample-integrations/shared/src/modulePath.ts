/**
 * The file of a sibling module, as the gateway must import it: `.js` when running the built
 * sample, `.ts` when the tests run the sources.
 * @module
 */
import { fileURLToPath } from 'node:url';

export function siblingModule(importMetaUrl: string, name: string): string {
  const self = fileURLToPath(importMetaUrl);
  const ext = self.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`./${name}${ext}`, importMetaUrl));
}
