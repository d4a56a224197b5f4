/**
 * Text arbitraries for MeMo values: Danish letters, XML-special characters (`& < > " '`),
 * emoji (two UTF-16 units, one character) and plain ASCII, sometimes at exactly the XSD's
 * maximum length so that length counting is tested at its edge.
 * @module
 */
import fc from 'fast-check';
import { filenameUnsafety } from '../../memo/validation/businessRules.js';

const SPECIAL = ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å', '&', '<', '>', '"', "'", ' ', 'é', 'ü', '😀', '📬', '§', '€', '\t'] as const;

/** One character: mostly printable ASCII, often Danish or XML-special. */
export const memoChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
);

/** Characters NgDP forbids in filenames (kept out of generated filenames). */
const FILENAME_FORBIDDEN = /[<>:"/\\|?*\r\n\u00A0\u2000-\u200A\u2028\u205F\u2060\u3000\t]/;

/** Text of 1..max characters (code points), sometimes exactly `max`, never blank. */
const textCache = new Map<number, fc.Arbitrary<string>>();

export function memoText(max = 256): fc.Arbitrary<string> {
  const cached = textCache.get(max);
  if (cached) return cached;
  const short = fc.string({ unit: memoChar, minLength: 1, maxLength: Math.min(max, 24) });
  const full = fc.string({ unit: memoChar, minLength: max, maxLength: max });
  const arb = fc.oneof({ weight: 9, arbitrary: short }, { weight: 1, arbitrary: full }).filter((s) => s.trim() !== '');
  textCache.set(max, arb);
  return arb;
}

/** A filename with an extension, without NgDP's forbidden characters or an unsafe name, at most 256 characters. */
export function memoFilename(): fc.Arbitrary<string> {
  const stem = fc.string({ unit: memoChar, minLength: 1, maxLength: 30 }).filter((s) => !FILENAME_FORBIDDEN.test(s) && s.trim() !== '');
  const ext = fc.constantFrom('pdf', 'txt', 'html', 'docx', 'xlsx', 'png', 'jpg', 'xml', 'csv', 'odt', 'PDF', 'ukendt');
  // Valid letters only: no name NgDP's FILENAME_UNSAFE rule refuses ("..pdf", "CON.pdf").
  return fc.tuple(stem, ext).map(([s, e]) => `${s}.${e}`).filter((name) => filenameUnsafety(name) === null);
}

/** An absolute https URL of at most 256 characters, with Danish letters and escapes in its path. */
export function httpsUrl(): fc.Arbitrary<string> {
  const segment = fc.stringMatching(/^[a-z0-9æøå-]{1,12}$/);
  return fc
    .tuple(fc.constantFrom('selvbetjening.example.dk', 'booking.kommune.example', 'www.borger.example.dk'), fc.array(segment, { maxLength: 4 }), fc.option(fc.constantFrom('?id=42&x=%C3%A6', '#top'), { nil: undefined }))
    .map(([host, path, tail]) => `https://${host}/${path.join('/')}${tail ?? ''}`);
}
