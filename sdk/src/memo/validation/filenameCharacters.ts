/**
 * Characters NgDP rejects in `File/filename` (in production since 10 September 2025, both
 * MeMo versions): `< > : " / \ | ? *`, CR, LF, U+00A0, U+2000–U+200A, U+2028, U+205F, U+2060,
 * U+3000 (digital-post-wire.md §1.8). Emoji and other characters are allowed.
 * @module
 */
const FORBIDDEN_SET = '<>:"/\\\\|?*\\r\\n\\u00A0\\u2000-\\u200A\\u2028\\u205F\\u2060\\u3000';

/** Matches one forbidden character. */
export const FORBIDDEN_FILENAME_CHARACTER = new RegExp(`[${FORBIDDEN_SET}]`);

/** Matches a run of forbidden characters (global; for replacing). */
export const FORBIDDEN_FILENAME_RUN = new RegExp(`[${FORBIDDEN_SET}]+`, 'g');

/** Describes a forbidden character for a message: `":"` or `U+00A0`. */
export function describeFilenameCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code > 0x7e ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`;
}
