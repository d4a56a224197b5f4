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

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** Checks a CPR number without throwing. `now` decides what counts as a future birth date. */
export function checkCpr(input: string, now: Date = new Date()): IdentifierCheck<Cpr> {
  const raw = input.trim();
  const m = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(raw);
  if (!m) {
    return { ok: false, reason: 'a CPR number has 10 digits, written DDMMYYNNNN or DDMMYY-NNNN' };
  }
  const [, dd, mm, yy, serial] = m as unknown as [string, string, string, string, string];
  const year = cprBirthYear(Number(yy), Number(serial[0]));
  if (!isRealDate(year, Number(mm), Number(dd))) {
    return { ok: false, reason: `the first six digits must be a real date (DDMMYY); ${dd}-${mm}-${year} is not` };
  }
  if (Date.UTC(year, Number(mm) - 1, Number(dd)) > now.getTime()) {
    return { ok: false, reason: 'the birth date given by the date and the century digit lies in the future' };
  }
  return { ok: true, value: `${dd}${mm}${yy}${serial}` as Cpr };
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
