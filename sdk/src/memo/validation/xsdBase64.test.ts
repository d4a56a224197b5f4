import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { isXsdBase64 } from './xsdBase64.js';

// Long values take the native decode path; these pin that it agrees with the XSD rules.
const bytes = Uint8Array.from({ length: 3002 }, (_, i) => (i * 37) & 0xff);
const valid = Buffer.from(bytes).toString('base64'); // 4004 characters, one '=' of padding

test('a long canonical base64 value is valid, with or without padding', () => {
  expect(valid.endsWith('=') && !valid.endsWith('==')).toBe(true);
  expect(isXsdBase64(valid)).toBe(true);
  expect(isXsdBase64(Buffer.from(bytes.subarray(0, 3000)).toString('base64'))).toBe(true);
});

test('a long value with line breaks (as parsed from wrapped XML) is still valid', () => {
  expect(isXsdBase64(valid.replace(/(.{76})/g, '$1\n'))).toBe(true);
});

test('long values with foreign characters, base64url characters, inner padding or a bad length are invalid', () => {
  const middle = valid.length / 2;
  expect(isXsdBase64(`${valid.slice(0, middle)}!${valid.slice(middle + 1)}`)).toBe(false);
  expect(isXsdBase64(`${valid.slice(0, middle)}-${valid.slice(middle + 1)}`)).toBe(false);
  expect(isXsdBase64(`${valid.slice(0, middle)}_${valid.slice(middle + 1)}`)).toBe(false);
  expect(isXsdBase64(`${valid.slice(0, 100)}==${valid.slice(102)}`)).toBe(false);
  expect(isXsdBase64(valid.slice(0, -1))).toBe(false);
  expect(isXsdBase64(`${valid}AAAA`)).toBe(false);
});

test('a long value whose last character has non-zero unused bits is invalid (as libxml2 says)', () => {
  const lastBitsSet = `${valid.slice(0, -2)}B=`; // 'B' = 000001: the two unused bits are not zero
  expect(isXsdBase64(`${valid.slice(0, -2)}A=`)).toBe(true);
  expect(isXsdBase64(lastBitsSet)).toBe(false);
});

test('long values: the native check agrees with a plain reading of xs:base64Binary for any single-character change', () => {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const reference = (text: string): boolean => {
    const s = text.replace(/[ \t\r\n]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return false;
    const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
    if (pad === 0) return true;
    const last = ALPHABET.indexOf(s[s.length - pad - 1]!);
    return last >= 0 && (last & (pad === 1 ? 0b11 : 0b1111)) === 0;
  };
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 770, maxLength: 1200 }), fc.nat(), fc.constantFrom('-', '_', '=', '$', 'Æ', ' ', '\n', 'A', '/', '+', 'Q', '\u0100'), fc.boolean(), (bytes, at, ch, mutate) => {
      const valid = Buffer.from(bytes).toString('base64');
      const i = at % valid.length;
      const text = mutate ? valid.slice(0, i) + ch + valid.slice(i + 1) : valid;
      expect(isXsdBase64(text)).toBe(reference(text));
    }),
    { numRuns: 2000 },
  );
});
