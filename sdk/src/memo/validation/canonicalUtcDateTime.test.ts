import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { isCanonicalUtcDateTime } from './canonicalUtcDateTime.js';
import { dateTimeProblem, isMemoDateTime } from './simpleTypes.js';

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
/** Strings of the canonical shape with any digits: valid and invalid dates and times. */
const canonicalShape = fc
  .tuple(twoDigits, twoDigits, twoDigits, twoDigits, twoDigits, twoDigits, twoDigits)
  .chain(([c, y, mo, d, h, mi, s]) =>
    fc.constantFrom('', '.000', '.5', '.123', '.0', '.', '.12a').map((fraction) => `${c}${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}Z`),
  );

test('on the canonical form the fast check agrees with the full XSD check', () => {
  // Except 24:00:00 with a fraction, which the fast check leaves to the full one (see the edge cases).
  const endOfDayWithFraction = (v: string) => v.slice(11, 19) === '24:00:00' && v.length > 20;
  fc.assert(fc.property(canonicalShape, (v) => endOfDayWithFraction(v) || isCanonicalUtcDateTime(v) === (dateTimeProblem(v) === null)), { numRuns: 20_000 });
});

test('the fast check never accepts what the full check rejects', () => {
  fc.assert(fc.property(fc.string({ maxLength: 24 }), (v) => !isCanonicalUtcDateTime(v) || dateTimeProblem(v) === null));
});

test('edge cases: leap days, 24:00:00, year 0000, and forms left to the full check', () => {
  expect(isCanonicalUtcDateTime('2024-02-29T12:00:00Z')).toBe(true);
  expect(isCanonicalUtcDateTime('2023-02-29T12:00:00Z')).toBe(false);
  expect(isCanonicalUtcDateTime('2000-02-29T12:00:00Z')).toBe(true);
  expect(isCanonicalUtcDateTime('1900-02-29T12:00:00Z')).toBe(false);
  expect(isCanonicalUtcDateTime('2026-01-31T24:00:00Z')).toBe(true);
  expect(isCanonicalUtcDateTime('2026-01-31T24:00:01Z')).toBe(false);
  expect(isCanonicalUtcDateTime('0000-01-01T00:00:00Z')).toBe(false);
  expect(isCanonicalUtcDateTime('2026-04-31T00:00:00Z')).toBe(false);
  // Valid, but not the canonical form: the full check decides.
  expect(isCanonicalUtcDateTime('2026-03-01T09:30:00.123Z')).toBe(true);
  expect(isCanonicalUtcDateTime('2026-03-01T09:30:00.Z')).toBe(false);
  for (const v of ['2026-01-31T24:00:00.000Z', ' 2026-03-01T09:30:00Z', '12026-03-01T09:30:00Z']) {
    expect(isCanonicalUtcDateTime(v)).toBe(false);
    expect(isMemoDateTime(v)).toBe(true);
  }
  expect(isMemoDateTime('2026-03-01T09:30:00+01:00')).toBe(false);
});
