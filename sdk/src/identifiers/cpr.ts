/**
 * CPR numbers (Danish personal ids). Accepts `DDMMYYNNNN` and `DDMMYY-NNNN`, normalises to
 * 10 digits, checks the date against the century digit. No modulus-11 check: CPR numbers
 * without it have been issued since 2007 and must be accepted.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { maskCpr } from './mask.js';

/** A CPR number normalised to 10 digits. */
export type Cpr = string & { readonly __brand: 'Cpr' };

export type IdentifierCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** The full birth year encoded by the two-digit year and the seventh digit (the century digit). */
export function cprBirthYear(yy: number, centuryDigit: number): number {
  if (centuryDigit <= 3) return 1900 + yy;
  if (centuryDigit === 4 || centuryDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy; // 5..8
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

// Plain arithmetic, no Date objects: this runs for every letter (factory and validation).
function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

const SHAPE = /^\d{6}-?\d{4}$/;

function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

/** Checks a CPR number without throwing. `now` (default: the current time) decides what counts as a future birth date. */
export function checkCpr(input: string, now?: Date): IdentifierCheck<Cpr> {
  const raw = input.trim();
  if (!SHAPE.test(raw)) {
    return { ok: false, reason: 'a CPR number has 10 digits, written DDMMYYNNNN or DDMMYY-NNNN' };
  }
  const digits = raw.length === 11 ? raw.slice(0, 6) + raw.slice(7) : raw;
  const day = twoDigits(digits, 0);
  const month = twoDigits(digits, 2);
  const year = cprBirthYear(twoDigits(digits, 4), digits.charCodeAt(6) - 48);
  if (!isRealDate(year, month, day)) {
    return { ok: false, reason: `the first six digits must be a real date (DDMMYY); ${digits.slice(0, 2)}-${digits.slice(2, 4)}-${year} is not` };
  }
  if (Date.UTC(year, month - 1, day) > (now ? now.getTime() : Date.now())) {
    return { ok: false, reason: 'the birth date given by the date and the century digit lies in the future' };
  }
  return { ok: true, value: digits as Cpr };
}

export function isCpr(input: string): boolean {
  return checkCpr(input).ok;
}

/** Normalises a CPR number to 10 digits or throws `CPR_INVALID` (the number is masked in the message). */
export function parseCpr(input: string): Cpr {
  const result = checkCpr(input);
  if (!result.ok) {
    throw new PostbudError('CPR_INVALID', `Invalid CPR number ${maskCpr(input)}: ${result.reason}.`);
  }
  return result.value;
}
