/**
 * One problem found in a MeMo message. Validation returns every problem at once.
 *
 * `path` is an XPath-like location using XSD element names, 1-based indexes on repeated
 * elements and `@` for attributes, e.g. `/Message/MessageBody/AdditionalDocument[2]/File[1]/filename`
 * or `/Message/@memoVersion`.
 * @module
 */
export type MemoIssueCode =
  // Structure (found while reading XML; the typed model cannot express these)
  | 'UNEXPECTED_ELEMENT'
  | 'ELEMENT_ORDER'
  | 'UNEXPECTED_TEXT'
  // XSD rules
  | 'REQUIRED'
  | 'TOO_FEW'
  | 'TOO_MANY'
  | 'MAX_LENGTH'
  | 'UUID_V4'
  | 'DATETIME_UTC'
  | 'DATE'
  | 'BOOLEAN'
  | 'DECIMAL'
  | 'ENUMERATION'
  | 'LONG'
  | 'P_NUMBER_RANGE'
  | 'GLN_RANGE'
  | 'LANGUAGE'
  | 'URI'
  | 'BASE64'
  | 'CHOICE'
  | 'VERSION_MISMATCH'
  /** A value of the wrong JavaScript type for its element (e.g. a number where text belongs). */
  | 'WRONG_TYPE'
  /** Text holding a character XML 1.0 cannot carry (control characters, lone surrogates). */
  | 'XML_CHARACTER'
  // NgDP business rules
  | 'FILENAME_CHARACTERS'
  /**
   * A filename that is unsafe where it is saved or shown: a Windows device name (CON, NUL,
   * COM1, …), control or bidi characters (e.g. U+202E, which makes "\u202Efdp.exe" look like
   * "exe.pdf"), no name before the extension, or a trailing dot or space.
   */
  | 'FILENAME_UNSAFE'
  | 'ACTION_URL_NOT_HTTPS'
  | 'ACTION_CODE_UNKNOWN'
  | 'RESERVATION_REQUIRED'
  | 'ADDRESS_XOR_UNSTRUCTURED'
  | 'ID_NOT_DIGITS'
  /** Ten digits that are not a possible CPR number (impossible or future birth date). */
  | 'CPR_INVALID'
  /** Eight digits that fail the CVR modulus-11 check or start with 0. */
  | 'CVR_INVALID'
  | 'NEMSMS_HAS_BODY'
  | 'BODY_REQUIRED';

export interface ValidationIssue {
  readonly path: string;
  readonly code: MemoIssueCode;
  /** Plain English, saying what is wrong and, where it helps, what to do. */
  readonly message: string;
}
