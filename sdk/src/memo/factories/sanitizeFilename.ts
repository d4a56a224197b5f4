/**
 * Makes a filename acceptable to NgDP and safe to save and show: every run of characters NgDP
 * forbids becomes a single `-` (as itk-dev/serviceplatformen's `SF1601::sanitizeFilename`),
 * control and bidi characters are removed, trailing dots and spaces dropped, a name without a
 * stem gets `dokument`, and a Windows device name gets a `_` prefix.
 * The result passes the FILENAME_CHARACTERS and FILENAME_UNSAFE rules.
 * @module
 */
import { EMPTY_FILENAME_STEM, RESERVED_DEVICE_NAME, UNSAFE_FILENAME_CHARACTERS } from '../validation/businessRules.js';
import { FORBIDDEN_FILENAME_RUN } from '../validation/filenameCharacters.js';

/** The stem given to a name that has none (".pdf" → "dokument.pdf"). */
export const DEFAULT_FILENAME_STEM = 'dokument';

/**
 * `sanitizeFilename('Afgørelse: 12/3.pdf')` → `'Afgørelse- 12-3.pdf'`;
 * `'CON.pdf'` → `'_CON.pdf'`; `'\u202Efdp.exe'` → `'fdp.exe'`; `'.pdf'` → `'dokument.pdf'`.
 */
export function sanitizeFilename(name: string): string {
  let safe = name.replace(FORBIDDEN_FILENAME_RUN, '-').replace(UNSAFE_FILENAME_CHARACTERS, '').replace(/[. ]+$/, '');
  const emptyStem = EMPTY_FILENAME_STEM.exec(safe);
  if (emptyStem) safe = `${DEFAULT_FILENAME_STEM}${emptyStem[1] ?? ''}`;
  return RESERVED_DEVICE_NAME.test(safe) ? `_${safe}` : safe;
}
