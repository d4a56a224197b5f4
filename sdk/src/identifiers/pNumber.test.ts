import { expect, test } from '@jest/globals';
import { PostbudError } from '../errors/PostbudError.js';
import { checkPNumber, isPNumber, parsePNumber } from './pNumber.js';

test('accepts any 10 digits not starting with 0: no modulus-11 check', () => {
  // Consecutive numbers cannot all pass a modulus-11 check; P-numbers must not be checked that way.
  for (const p of ['1012345678', '1012345679', '1012345680']) expect(checkPNumber(p)).toEqual({ ok: true, value: p });
  expect(parsePNumber(' 1987654321 ')).toBe('1987654321');
});

test('rejects wrong lengths, non-digits and a leading 0', () => {
  for (const bad of ['101234567', '10123456789', '10123a5678', '', '0123456789']) expect(isPNumber(bad)).toBe(false);
  const e = (() => { try { parsePNumber('12'); } catch (error) { return error; } return undefined; })();
  expect(e).toBeInstanceOf(PostbudError);
  expect((e as PostbudError).code).toBe('P_NUMBER_INVALID');
});
