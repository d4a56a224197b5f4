/**
 * Finds what looks like a CPR number in free text: `DDMMYY-NNNN` or ten digits whose first
 * six are a real date for the century the seventh digit implies. No modulus-11 check (CPR
 * numbers without it have been issued since 2007). Numbers that are part of something longer
 * (phone numbers with +, IBANs, account or invoice numbers glued to letters, dates written
 * with dashes) are not counted.
 * @module
 */
import { checkCpr, maskCpr } from '@postbud/sdk';

// Not glued to a letter, digit, '+', '/', '-' or a digit group separator before it;
// nor to a digit, letter, or another '-'/'.'/'/'+digit after it.
const CANDIDATE = /(?<![\p{L}\p{N}+/_-])(?<!\d[.,])(\d{6}-?\d{4})(?![\p{L}\p{N}_])(?![-./,]\d)/gu;

/** The CPR-like numbers in `text`, masked (`010190-****`), in order of appearance, without duplicates. */
export function findCprNumbers(text: string, now: Date = new Date()): readonly string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(CANDIDATE)) {
    const candidate = m[1]!;
    if (checkCpr(candidate, now).ok) found.add(maskCpr(candidate));
  }
  return [...found];
}

export function containsCprNumber(text: string, now: Date = new Date()): boolean {
  return findCprNumbers(text, now).length > 0;
}
