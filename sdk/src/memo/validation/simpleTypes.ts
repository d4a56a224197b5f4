/**
 * Lexical checks for the XSD simple types MeMo uses (MeMo_dataTypes.xsd and the built-ins).
 * Shared by the validator and the factory, so both agree with the XSD on what is valid.
 *
 * Types whose XSD whitespace facet is `collapse` (dates, booleans, numbers, language, URI,
 * base64) are checked after trimming, as an XSD engine does; strings are checked as they are.
 * @module
 */

import { isCanonicalUtcDateTime } from './canonicalUtcDateTime.js';

/** memoUuidType: a v4 UUID, either case (the XSD pattern, anchored as XSD patterns are). */
const UUID_V4 = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-4[a-fA-F0-9]{3}-[aAbB89][a-fA-F0-9]{3}-[a-fA-F0-9]{12}$/;

export function isUuidV4(value: string): boolean {
  return UUID_V4.test(value);
}

const XML_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

/** XSD whitespace `collapse` at the ends (inner runs never matter for the types checked here). */
export function collapse(value: string): string {
  return value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32)
    ? value.replace(XML_WHITESPACE, '')
    : value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Years: at least 4 digits, no leading zero when longer, never 0000 (XSD 1.0, as libxml2 applies it).
const DATE_PART = '(-?)(\\d{4,})-(\\d{2})-(\\d{2})';
const DATETIME_UTC = new RegExp(`^${DATE_PART}T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?Z$`);
const DATETIME_ANY = new RegExp(`^${DATE_PART}T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?$`);
const DATE = new RegExp(`^${DATE_PART}(Z|[+-](\\d{2}):(\\d{2}))?$`);

function validYearMonthDay(year: string, month: string, day: string): boolean {
  if ((year.length > 4 && year[0] === '0') || /^0+$/.test(year)) return false;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function validTime(hh: string, mm: string, ss: string, fraction: string | undefined): boolean {
  const h = Number(hh);
  const m = Number(mm);
  const s = Number(ss);
  if (h === 24) return m === 0 && s === 0 && (fraction === undefined || /^\.0+$/.test(fraction));
  return h <= 23 && m <= 59 && s <= 59;
}

/** Why `value` is not an xs:dateTime at all, or null when it is one (with or without a timezone). */
export function dateTimeProblem(value: string): string | null {
  const m = DATETIME_ANY.exec(collapse(value));
  if (!m) return 'is not a date and time of the form YYYY-MM-DDThh:mm:ssZ';
  if (!validYearMonthDay(m[2]!, m[3]!, m[4]!)) return 'is not a real calendar date';
  if (!validTime(m[5]!, m[6]!, m[7]!, m[8])) return 'is not a real time of day';
  if (m[9] !== undefined && m[9] !== 'Z') {
    const [hh, mm] = m[9].slice(1).split(':').map(Number) as [number, number];
    if (hh > 14 || mm > 59 || (hh === 14 && mm > 0)) return 'has an impossible timezone offset';
  }
  return null;
}

/** memoDateTimeType: an xs:dateTime whose lexical form ends in a literal `Z` (UTC). */
export function isMemoDateTime(value: string): boolean {
  if (isCanonicalUtcDateTime(value)) return true;
  const v = collapse(value);
  return DATETIME_UTC.test(v) && dateTimeProblem(v) === null;
}

/** xs:date (`YYYY-MM-DD`, optionally with a timezone). */
export function isXsdDate(value: string): boolean {
  const m = DATE.exec(collapse(value));
  if (!m || !validYearMonthDay(m[2]!, m[3]!, m[4]!)) return false;
  if (m[5] !== undefined && m[5] !== 'Z') {
    const hh = Number(m[6]);
    const mm = Number(m[7]);
    if (hh > 14 || mm > 59 || (hh === 14 && mm > 0)) return false;
  }
  return true;
}

const LONG = /^[+-]?\d+$/;
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

/**
 * The value of an xs:long with an upper bound (memoPNumberType, memoGLNType), or a reason.
 * BigInt keeps 19-digit values exact.
 */
export function boundedLongProblem(value: string, max: bigint): 'LONG' | 'RANGE' | null {
  const v = collapse(value);
  if (!LONG.test(v)) return 'LONG';
  const n = BigInt(v);
  if (n > LONG_MAX || n < LONG_MIN) return 'LONG';
  return n > max ? 'RANGE' : null;
}

/** memoLanguageType: xs:language restricted to at most 2 characters, i.e. 1–2 ASCII letters. */
export function isMemoLanguage(value: string): boolean {
  return /^[a-zA-Z]{1,2}$/.test(collapse(value));
}

/** xs:decimal (the type of `memoVersion`). */
export function isXsdDecimal(value: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(collapse(value));
}

/** Length in characters (Unicode code points), as XSD counts `maxLength`; fast when clearly short. */
export function characterLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export function exceedsMaxLength(value: string, max: number): boolean {
  if (value.length <= max) return false; // code points ≤ UTF-16 units
  if (value.length > 2 * max) return true;
  return characterLength(value) > max;
}

// XML 1.0 Char: no C0 controls but tab/LF/CR, no U+FFFE/U+FFFF, no unpaired surrogates.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Cheap first pass without lookarounds: most text has no control characters and no surrogates.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Index of the first character that XML 1.0 cannot carry, or -1. */
export function firstNonXmlCharacter(value: string): number {
  if (!SUSPECT.test(value)) return -1;
  const m = NOT_XML_CHAR.exec(value);
  return m ? m.index : -1;
}
