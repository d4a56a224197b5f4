import { expect, test } from '@jest/globals';
import { isXsdBase64 } from './xsdBase64.js';

// Long values take the native round-trip path; these pin that it agrees with the XSD rules.
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
