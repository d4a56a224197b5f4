/**
 * Fictional identifiers for tests and examples. CPR numbers are date-valid (and not modulus-11
 * bound, as real CPR numbers are not); CVR numbers pass modulus 11; P-numbers have 10 digits.
 * None is meant to identify anyone.
 * @module
 */
export const FICTIONAL_CPR = Object.freeze(['0101901234', '1502851234', '3112794321', '2902004234', '0705602468'] as const);
export const FICTIONAL_CVR = Object.freeze(['13748136', '13585628', '24256790'] as const);
export const FICTIONAL_P_NUMBER = Object.freeze(['1012345678', '1987654321', '1000000001'] as const);
/** A v4 UUID in the shape of an NgDP contact point id. */
export const FICTIONAL_CONTACT_POINT_ID = '241d39f6-998e-4929-b198-ccacbbf4b330';

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * Completes seven digits (first not 0) to a modulus-11-valid CVR number, or returns null when
 * no check digit works (the remainder would need a check digit of 10).
 */
export function cvrFromSevenDigits(seven: string): string | null {
  if (!/^[1-9]\d{6}$/.test(seven)) return null;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(seven[i]) * CVR_WEIGHTS[i]!;
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : `${seven}${check}`;
}
