/**
 * Turns the factory's date inputs into MeMo's lexical forms: `memoDateTimeType` (UTC with a
 * literal `Z`) and `xs:date`.
 * @module
 */
import { dateTimeProblem, isMemoDateTime, isXsdDate } from '../validation/simpleTypes.js';
import { letterInputError } from './letterInputError.js';

function checkDate(value: Date, field: string): void {
  const year = value.getUTCFullYear();
  // toISOString writes years outside 0001–9999 with a sign and six digits, which XSD rejects.
  if (Number.isNaN(year) || year < 1 || year > 9999) throw letterInputError(field, 'is an invalid Date or lies outside the years 1–9999.');
}

// The last timestamp formatted: letters made in a batch share the clock's millisecond, and
// toISOString costs about a tenth of createMemoMessage.
let lastTime = NaN;
let lastText = '';

/** `2026-03-01T09:30:00Z`; milliseconds only when not zero. */
export function formatMemoDateTime(date: Date): string {
  const time = date.getTime();
  if (time === lastTime) return lastText; // NaN never matches: an invalid Date still throws below
  const iso = date.toISOString();
  lastText = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  lastTime = time;
  return lastText;
}

/**
 * A Date, or an ISO string with `Z` (kept as written) or an explicit offset (converted to
 * UTC, since MeMo requires the `Z`). A string without a timezone is ambiguous and rejected.
 */
export function toMemoDateTime(value: Date | string, field: string): string {
  if (value instanceof Date) {
    checkDate(value, field);
    return formatMemoDateTime(value);
  }
  if (typeof value !== 'string') throw letterInputError(field, 'must be a Date or an ISO 8601 date-time string.');
  const text = value.trim();
  if (isMemoDateTime(text)) return text;
  const problem = dateTimeProblem(text);
  if (problem !== null) throw letterInputError(field, `"${text.slice(0, 40)}" ${problem}.`);
  if (!/[+-]\d{2}:\d{2}$/.test(text)) {
    throw letterInputError(field, `"${text}" has no timezone; add "Z" (UTC) or an offset such as "+01:00", or pass a Date.`);
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw letterInputError(field, `"${text}" cannot be converted to UTC.`);
  return formatMemoDateTime(date);
}

/** `YYYY-MM-DD`: a string as written (must be a real date), or a Date's UTC date. */
export function toMemoDate(value: Date | string, field: string): string {
  if (value instanceof Date) {
    checkDate(value, field);
    return value.toISOString().slice(0, 10);
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isXsdDate(text)) {
    throw letterInputError(field, `must be a real date written YYYY-MM-DD or a Date; got "${String(value).slice(0, 40)}".`);
  }
  return text;
}
