/**
 * A regex-free check of the date-time forms the SDK writes and almost every sender uses,
 * `YYYY-MM-DDThh:mm:ssZ` (with or without a fraction), so that validating it costs no regex runs and no match arrays. It only
 * ever answers "certainly valid"; anything else (fractions, offsets, 5-digit years, whitespace,
 * invalid values) goes to the full lexical check, which also words the problem.
 * @module
 */

/** The digit at `at` (0–9), or -1. */
function digit(value: string, at: number): number {
  const d = value.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The 2-digit number at `at`, or -1. */
function twoDigits(value: string, at: number): number {
  const hi = digit(value, at);
  const lo = digit(value, at + 1);
  return hi < 0 || lo < 0 ? -1 : hi * 10 + lo;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `value[from..to)` is one or more digits. */
function allDigits(value: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (digit(value, i) < 0) return false;
  return true;
}

/**
 * True when `value` is exactly `YYYY-MM-DDThh:mm:ssZ` or `YYYY-MM-DDThh:mm:ss.fffZ` (any number
 * of fraction digits, as `toISOString` writes) with a real date (year 0001–9999) and time.
 * False means "not this form or not valid": check the long way.
 */
export function isCanonicalUtcDateTime(value: string): boolean {
  const length = value.length;
  if (length < 20 || value.charCodeAt(length - 1) !== 0x5a /* Z */) return false;
  if (length > 20 && (value.charCodeAt(19) !== 0x2e /* . */ || !allDigits(value, 20, length - 1))) return false;
  if (value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d || value.charCodeAt(10) !== 0x54) return false;
  if (value.charCodeAt(13) !== 0x3a || value.charCodeAt(16) !== 0x3a) return false;
  const century = twoDigits(value, 0);
  const yy = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const h = twoDigits(value, 11);
  const m = twoDigits(value, 14);
  const s = twoDigits(value, 17);
  if (century < 0 || yy < 0 || day < 1 || m < 0 || s < 0 || m > 59 || s > 59) return false;
  const year = century * 100 + yy;
  if (year === 0 || month < 1 || month > 12 || day > daysIn(year, month)) return false;
  // 24:00:00 (end of day) is valid only with a zero fraction: left to the full check.
  return h >= 0 && (h <= 23 || (h === 24 && m === 0 && s === 0 && length === 20));
}
