import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { base64ByteLength } from './base64ByteLength.js';

test('base64ByteLength is the decoded size, for unbroken and line-wrapped base64 of any length', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('', '\n', '\r\n', ' ', '\t'), (bytes, wrap) => {
      const base64 = Buffer.from(bytes).toString('base64');
      const wrapped = wrap === '' ? base64 : base64.replace(/(.{76})/g, `$1${wrap}`);
      expect(base64ByteLength(wrapped)).toBe(bytes.length);
    }),
    { numRuns: 300 },
  );
});
