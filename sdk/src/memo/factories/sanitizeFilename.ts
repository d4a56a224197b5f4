/**
 * Makes a filename acceptable to NgDP by replacing every run of forbidden characters with a
 * single `-`, as itk-dev/serviceplatformen does (`SF1601::sanitizeFilename`).
 * @module
 */
import { FORBIDDEN_FILENAME_RUN } from '../validation/filenameCharacters.js';

/** `sanitizeFilename('Afgørelse: 12/3.pdf')` → `'Afgørelse- 12-3.pdf'`. */
export function sanitizeFilename(name: string): string {
  return name.replace(FORBIDDEN_FILENAME_RUN, '-');
}
