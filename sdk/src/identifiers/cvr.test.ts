import { expect, test } from '@jest/globals';
import { PostbudError } from '../errors/PostbudError.js';
import { checkCvr, isCvr, parseCvr } from './cvr.js';

test('accepts CVR numbers that pass modulus 11, normalising DK prefix and spaces', () => {
  for (const cvr of ['13748136', '13585628', '24256790']) expect(checkCvr(cvr)).toEqual({ ok: true, value: cvr });
  expect(parseCvr(' DK 1374 8136 ')).toBe('13748136');
});

test('rejects a wrong check digit, wrong lengths, non-digits and a leading 0', () => {
  expect(isCvr('13748137')).toBe(false);
  expect(isCvr('24256791')).toBe(false);
  for (const bad of ['1374813', '137481360', '', 'abcdefgh', '1374-8136']) expect(checkCvr(bad).ok).toBe(false);
  // 02345676 has a valid weighted sum (110 = 11 × 10) but CVR numbers never start with 0.
  expect(checkCvr('02345676')).toEqual({ ok: false, reason: 'a CVR number cannot start with 0' });
});

test('parseCvr throws CVR_INVALID with the reason', () => {
  const e = (() => { try { parseCvr('13748137'); } catch (error) { return error; } return undefined; })();
  expect(e).toBeInstanceOf(PostbudError);
  expect((e as PostbudError).code).toBe('CVR_INVALID');
  expect((e as PostbudError).message).toContain('modulus 11');
});
