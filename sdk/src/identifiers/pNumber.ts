/**
 * P-numbers (production-unit ids): 10 digits. No modulus-11 check: Erhvervsstyrelsen issued a
 * series with wrong weights, so a check would reject real P-numbers.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { IdentifierCheck } from './cpr.js';

export type PNumber = string & { readonly __brand: 'PNumber' };

export function checkPNumber(input: string): IdentifierCheck<PNumber> {
  const raw = input.trim();
  if (!/^\d{10}$/.test(raw)) return { ok: false, reason: 'a P-number has exactly 10 digits' };
  if (raw[0] === '0') return { ok: false, reason: 'a P-number cannot start with 0' };
  return { ok: true, value: raw as PNumber };
}

export function isPNumber(input: string): boolean {
  return checkPNumber(input).ok;
}

export function parsePNumber(input: string): PNumber {
  const result = checkPNumber(input);
  if (!result.ok) throw new PostbudError('P_NUMBER_INVALID', `Invalid P-number "${input.trim().slice(0, 20)}": ${result.reason}.`);
  return result.value;
}
