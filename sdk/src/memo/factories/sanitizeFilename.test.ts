import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { filenameUnsafety } from '../validation/businessRules.js';
import { FORBIDDEN_FILENAME_CHARACTER } from '../validation/filenameCharacters.js';
import { sanitizeFilename } from './sanitizeFilename.js';

test.each([
  ['CON.pdf', '_CON.pdf'], ['nul.pdf', '_nul.pdf'], ['com1.pdf', '_com1.pdf'], ['lpt1.pdf', '_lpt1.pdf'], ['aux.pdf', '_aux.pdf'], ['PRN', '_PRN'], ['con.tar.gz', '_con.tar.gz'],
  ['\u202Efdp.exe', 'fdp.exe'], ['brev\u200E\u2066.pdf', 'brev.pdf'], ['brev\t.pdf', 'brev.pdf'], ['brev\u0000\u0007\u009B.pdf', 'brev.pdf'],
  ['.pdf', 'dokument.pdf'], ['...pdf', 'dokument.pdf'], [' .pdf', 'dokument.pdf'], ['', 'dokument'], ['...', 'dokument'],
  ['brev.pdf.', 'brev.pdf'], ['brev.pdf  ', 'brev.pdf'], ['.skjult.pdf', '.skjult.pdf'],
  ['Afgørelse: 12/3 <kopi>.pdf', 'Afgørelse- 12-3 -kopi-.pdf'], ['com10.pdf', 'com10.pdf'], ['console.pdf', 'console.pdf'], ['Afgørelse 📬 (kopi).pdf', 'Afgørelse 📬 (kopi).pdf'],
])('sanitizeFilename(%j) = %j', (name, safe) => {
  expect(sanitizeFilename(name)).toBe(safe);
});

test('the result of sanitizeFilename is always safe, and sanitizing it again changes nothing', () => {
  const risky = fc.constantFrom('CON', 'nul', 'Com3', 'lpt9', '.', ' ', '\t', '\u202E', '\u2067', '\u0085', '\u007F', ':', '/', 'pdf', 'brev', '📬', 'ø');
  const names = fc.oneof(fc.string({ unit: 'binary' }), fc.array(risky, { maxLength: 8 }).map((parts) => parts.join('')));
  fc.assert(fc.property(names, (name) => {
    const safe = sanitizeFilename(name);
    expect([name, filenameUnsafety(safe), FORBIDDEN_FILENAME_CHARACTER.test(safe)]).toEqual([name, null, false]);
    expect(sanitizeFilename(safe)).toBe(safe);
  }), { numRuns: 2000 });
});
