import { expect, test } from '@jest/globals';
import { checkCpr, parseCpr, cprBirthYear } from './cpr.js';
import { PostbudError } from '../errors/PostbudError.js';

const now = new Date('2026-11-22T00:00:00Z');

test('accepts both written forms and normalises to digits', () => {
  expect(checkCpr('010190-1234', now)).toEqual({ ok: true, value: '0101901234' });
  expect(checkCpr(' 0101901234 ', now)).toEqual({ ok: true, value: '0101901234' });
});

test('does not apply modulus 11 (numbers without a check digit are issued since 2007)', () => {
  // Two numbers one apart cannot both pass a modulus-11 check.
  expect(checkCpr('0101901235', now).ok).toBe(true);
  expect(checkCpr('0101901234', now).ok).toBe(true);
});

test('the century digit decides the birth year', () => {
  expect(cprBirthYear(0, 1)).toBe(1900);
  expect(cprBirthYear(36, 4)).toBe(2036);
  expect(cprBirthYear(37, 4)).toBe(1937);
  expect(cprBirthYear(57, 6)).toBe(2057);
  expect(cprBirthYear(58, 6)).toBe(1858);
  expect(cprBirthYear(20, 9)).toBe(2020);
});

test('rejects impossible dates, using the century for leap years', () => {
  expect(checkCpr('3102901234', now).ok).toBe(false);
  expect(checkCpr('0013901234', now).ok).toBe(false);
  expect(checkCpr('2902001234', now).ok).toBe(false); // 1900 was not a leap year
  expect(checkCpr('2902004234', now).ok).toBe(true); // 2000 was
  expect(checkCpr('2902965234', now).ok).toBe(true); // century digit 5, yy 96 → 1896, a leap year
  expect(checkCpr('2902975234', now).ok).toBe(false); // 1897 was not
  expect(checkCpr('3104901234', now).ok).toBe(false); // April has 30 days
  expect(checkCpr('3112901234', now).ok).toBe(true);
});

test('rejects birth dates in the future', () => {
  expect(checkCpr('0101304234', now).ok).toBe(false); // 2030
});

test('rejects wrong shapes', () => {
  for (const bad of ['', '123', '01019012345', '010190_1234', 'abcdefghij', '010190--1234']) {
    expect(checkCpr(bad, now).ok).toBe(false);
  }
});

test('parseCpr throws CPR_INVALID with the number masked', () => {
  let error: unknown;
  try {
    parseCpr('3102901234');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PostbudError);
  expect((error as PostbudError).code).toBe('CPR_INVALID');
  expect((error as PostbudError).message).toContain('310290-****');
  expect((error as PostbudError).message).not.toContain('3102901234');
});
