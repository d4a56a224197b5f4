/**
 * CVR numbers (Danish company ids): 8 digits with a modulus-11 check
 * (weights 2,7,6,5,4,3,2,1; the weighted sum is divisible by 11).
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { IdentifierCheck } from './cpr.js';

export type Cvr = string & { readonly __brand: 'Cvr' };

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

export function checkCvr(input: string): IdentifierCheck<Cvr> {
  const raw = input.trim().replace(/^DK/i, '').replace(/\s+/g, '');
  if (!/^\d{8}$/.test(raw)) return { ok: false, reason: 'a CVR number has exactly 8 digits' };
  if (raw[0] === '0') return { ok: false, reason: 'a CVR number cannot start with 0' };
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(raw[i]) * WEIGHTS[i]!;
  if (sum % 11 !== 0) return { ok: false, reason: 'the check digit is wrong (modulus 11); check for a typing error' };
  return { ok: true, value: raw as Cvr };
}

export function isCvr(input: string): boolean {
  return checkCvr(input).ok;
}

export function parseCvr(input: string): Cvr {
  const result = checkCvr(input);
  if (!result.ok) throw new PostbudError('CVR_INVALID', `Invalid CVR number "${input.trim().slice(0, 20)}": ${result.reason}.`);
  return result.value;
}
