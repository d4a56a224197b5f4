/**
 * Escaping of text and attribute values for XML 1.0, and rejection of characters XML 1.0
 * cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates):
 * emitting them would produce XML that every receiver rejects.
 * @module
 */

/** One test for everything that needs a second look; surrogates are checked for pairing in the slow path. */
const NEEDS_WORK = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<>"\r\n\t]/g;
const TEXT_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
// Tab/LF/CR in attributes would be normalised to spaces by every reader: keep them as references.
const ATTR_ENTITIES: Readonly<Record<string, string>> = { ...TEXT_ENTITIES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

/** Thrown by the escapers; the writer adds the element path and turns it into a PostbudError. */
export class InvalidXmlCharacterError extends Error {
  readonly codePoint: number;
  readonly index: number;
  constructor(codePoint: number, index: number) {
    super(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} at position ${index + 1}`);
    this.codePoint = codePoint;
    this.index = index;
  }
}

function assertXmlChars(value: string): void {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 0x9 || c === 0xa || c === 0xd) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      throw new InvalidXmlCharacterError(c, i);
    }
    if (c >= 0xe000 && c <= 0xfffd) continue;
    throw new InvalidXmlCharacterError(c, i);
  }
}

/** Escapes element text (`&`, `<`, `>`, CR). */
export function escapeText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  assertXmlChars(value);
  return value.replace(TEXT_SPECIAL, (ch) => TEXT_ENTITIES[ch]!);
}

/** Escapes an attribute value for use inside double quotes. */
export function escapeAttribute(value: string): string {
  if (!NEEDS_WORK.test(value) && !/[\n\t]/.test(value)) return value;
  assertXmlChars(value);
  return value.replace(ATTR_SPECIAL, (ch) => ATTR_ENTITIES[ch]!);
}
