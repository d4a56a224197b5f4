/**
 * XSD checks of one simple (text-only) value by its {@link SimpleKind}.
 * @module
 */
import type { BinaryContent } from '../model.js';
import type { SimpleKind } from '../schema/memoSchema.js';
import {
  boundedLongProblem,
  collapse,
  dateTimeProblem,
  exceedsMaxLength,
  firstNonXmlCharacter,
  isMemoDateTime,
  isMemoLanguage,
  isUuidV4,
  isXsdDate,
} from './simpleTypes.js';
import { uriProblem } from './uriProblem.js';
import type { ValidationContext } from './ValidationContext.js';
import { isXsdBase64 } from './xsdBase64.js';

/**
 * Maximum lengths in characters (code points, as XSD counts). Notification: MeMo_dataTypes.xsd
 * from memo-lib says 160, digitaliser.dk's copy 150; 150 passes both.
 */
export const MAX_LENGTH: Readonly<Partial<Record<SimpleKind, number>>> = Object.freeze({
  text: 256,
  comment: 512,
  notification: 150,
  licenseNumber: 7,
  uri: 256,
});

const P_NUMBER_MAX = 9_999_999_999n;
const GLN_MAX = 9_999_999_999_999n;

function text(value: unknown, kind: SimpleKind, ctx: ValidationContext): value is string {
  if (typeof value !== 'string') {
    ctx.report('WRONG_TYPE', `Expected text, found ${value === null ? 'null' : typeof value}.`);
    return false;
  }
  const max = MAX_LENGTH[kind];
  if (max !== undefined && exceedsMaxLength(value, max)) {
    ctx.report('MAX_LENGTH', `Too long: at most ${max} characters are allowed; shorten it.`);
  }
  const bad = firstNonXmlCharacter(value);
  if (bad >= 0) {
    const code = value.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0');
    ctx.report('XML_CHARACTER', `Contains the character U+${code} at position ${bad + 1}, which XML cannot carry; remove it.`);
  }
  return true;
}

function dateTime(value: string, ctx: ValidationContext): void {
  if (isMemoDateTime(value)) return;
  const problem = dateTimeProblem(value);
  ctx.report(
    'DATETIME_UTC',
    problem === null
      ? `"${value}" must be in UTC with a literal Z, e.g. 2026-03-01T09:30:00Z (MeMo rejects offsets such as +01:00).`
      : `"${value.slice(0, 40)}" ${problem}; write a UTC date and time such as 2026-03-01T09:30:00Z.`,
  );
}

function binary(value: unknown, ctx: ValidationContext): void {
  const content = value as BinaryContent;
  if (content !== null && typeof content === 'object') {
    if (content.kind === 'bytes' && content.bytes instanceof Uint8Array) return;
    if (content.kind === 'stream' && typeof content.open === 'function') return;
    if (content.kind === 'base64' && typeof content.base64 === 'string') {
      if (!isXsdBase64(content.base64)) ctx.report('BASE64', 'The file content is not valid base64; encode the file again.');
      return;
    }
  }
  ctx.report('WRONG_TYPE', 'File content must be { kind: "bytes" | "base64" | "stream" } (see BinaryContent).');
}

function boundedLong(value: string, ctx: ValidationContext, isPNumber: boolean): void {
  const problem = boundedLongProblem(value, isPNumber ? P_NUMBER_MAX : GLN_MAX);
  if (problem === null) return;
  const what = isPNumber ? 'A P-number has at most 10 digits' : 'A GLN has at most 13 digits';
  if (problem === 'LONG') ctx.report('LONG', `"${value.slice(0, 30)}" is not a whole number. ${what}.`);
  else ctx.report(isPNumber ? 'P_NUMBER_RANGE' : 'GLN_RANGE', `"${value.slice(0, 30)}" is too large. ${what}.`);
}

/** Checks a present value of the current element (of simple type); reports nothing when it is valid. */
export function checkSimpleValue(kind: SimpleKind, value: unknown, ctx: ValidationContext): void {
  switch (kind) {
    case 'boolean':
      if (typeof value !== 'boolean') ctx.report('BOOLEAN', 'Must be true or false.');
      return;
    case 'base64':
      binary(value, ctx);
      return;
    default:
  }
  if (!text(value, kind, ctx)) return;
  switch (kind) {
    case 'uuid':
      if (!isUuidV4(value)) ctx.report('UUID_V4', `"${value.slice(0, 40)}" is not a version 4 UUID; MeMo accepts only v4 (crypto.randomUUID()).`);
      return;
    case 'dateTime':
      dateTime(value, ctx);
      return;
    case 'date':
      if (!isXsdDate(value)) ctx.report('DATE', `"${value.slice(0, 40)}" is not a real date written YYYY-MM-DD.`);
      return;
    case 'pNumber':
    case 'gln':
      boundedLong(value, ctx, kind === 'pNumber');
      return;
    case 'language':
      if (!isMemoLanguage(value)) ctx.report('LANGUAGE', `"${value.slice(0, 20)}" is not a language code of at most 2 letters, e.g. "da".`);
      return;
    case 'uri': {
      const problem = uriProblem(collapse(value));
      if (problem !== null) ctx.report('URI', `Not a valid URI: it ${problem}.`);
      return;
    }
    case 'messageType':
      if (value !== 'DIGITALPOST' && value !== 'NEMSMS') ctx.report('ENUMERATION', `"${value.slice(0, 40)}" is not a message type; use DIGITALPOST or NEMSMS.`);
      return;
    default:
  }
}
