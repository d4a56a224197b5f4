import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { decodeUtf8 } from './decodeUtf8.js';

const strict = new TextDecoder('utf-8', { fatal: true });
function reference(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

test('decodeUtf8 gives what a strict TextDecoder gives, for text that crosses its 4 KB pieces at every kind of character', () => {
  // Long runs of ASCII with Danish letters, 3- and 4-byte characters sprinkled in, so that piece ends fall inside them.
  const text = fc.array(fc.oneof(fc.string({ minLength: 0, maxLength: 3000 }), fc.constantFrom('ø', 'Æ', '€', '𝄞', '\uFEFF', 'å')), { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, fc.boolean(), (s, bom) => {
      const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(s, 'utf8')]);
      expect(decodeUtf8(bytes)).toBe(reference(bytes));
    }),
    { numRuns: 300 },
  );
});

test('decodeUtf8 refuses invalid UTF-8 anywhere in a long body (null), and reads a Uint8Array view at an offset', () => {
  const body = Buffer.from(`<a>${'x'.repeat(10_000)}Afgørelse${'y'.repeat(10_000)}</a>`, 'utf8');
  expect(decodeUtf8(body)).toBe(body.toString('utf8'));
  for (const at of [5, 4096, 8191, body.length - 3]) {
    const broken = Buffer.from(body);
    broken[at] = 0xff;
    expect(decodeUtf8(broken)).toBeNull();
  }
  const truncated = Buffer.from('abcø', 'utf8').subarray(0, 4); // half of the ø
  expect(decodeUtf8(truncated)).toBeNull();
  const framed = Uint8Array.from(Buffer.from('--Afgørelse--', 'utf8'));
  expect(decodeUtf8(framed.subarray(2, framed.length - 2))).toBe('Afgørelse');
});
