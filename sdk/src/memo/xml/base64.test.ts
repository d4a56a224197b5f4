import { expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { BASE64_SLICE_BYTES, base64Length, encodeBase64, portableBase64ForTests, writeBase64 } from './base64.js';

// Sizes around the slice boundary and around the 3-byte quantum (padding 0, 1 and 2).
const SIZES = [1, 2, 3, 4, 20, BASE64_SLICE_BYTES - 1, BASE64_SLICE_BYTES, BASE64_SLICE_BYTES + 1, BASE64_SLICE_BYTES + 2, 2 * BASE64_SLICE_BYTES + 5, 200 * 1024];

test('writeBase64 writes the same text as Buffer base64, across slice boundaries, at an offset', () => {
  for (const size of SIZES) {
    const bytes = new Uint8Array(randomBytes(size));
    const out = Buffer.alloc(base64Length(size) + 10, 0x2a);
    const end = writeBase64(bytes.subarray(0), out, 7);
    expect(end).toBe(7 + base64Length(size));
    expect(out.subarray(7, end).toString('latin1')).toBe(Buffer.from(bytes).toString('base64'));
    expect(out.subarray(0, 7).every((b) => b === 0x2a) && out.subarray(end).every((b) => b === 0x2a)).toBe(true);
  }
});

test('writeBase64 reads only the view it is given (byteOffset into a larger buffer)', () => {
  const backing = new Uint8Array(randomBytes(BASE64_SLICE_BYTES + 100));
  const view = backing.subarray(33, 33 + BASE64_SLICE_BYTES + 4);
  const out = Buffer.alloc(base64Length(view.byteLength));
  writeBase64(view, out, 0);
  expect(out.toString('latin1')).toBe(Buffer.from(view).toString('base64'));
});

test('the portable encoder agrees with Buffer (no Node in browsers)', () => {
  for (const size of [0, 1, 2, 3, 5, 8191, 8192, 8193, 30_000]) {
    const bytes = new Uint8Array(randomBytes(size));
    expect(portableBase64ForTests(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  }
});
