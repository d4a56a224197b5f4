/**
 * Refuses a letter document with a character that a letter cannot carry, in ANY text field,
 * naming the field. Not every field reaches the MeMo (whose validation would catch it under
 * a MeMo path): the physical address goes into the ForsendelseI, the body into the rendered
 * PDF, the reply-off reason into the audit trail. Checking the document as received covers
 * them all, for every plugin, and says which field to fix.
 * @module
 */
import { maskCprInText } from '@postbud/sdk';
import { ApiError } from '../http/ApiError.js';

// XML 1.0 Char excludes C0 controls but tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates
// (the SDK's MeMo validation uses the same definition).
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** File content: base64 is checked as base64 elsewhere, and scanning megabytes here buys nothing. */
const SKIPPED_KEYS: ReadonlySet<string> = new Set(['base64']);

interface Found {
  readonly field: string;
  readonly index: number;
  readonly code: string;
}

function find(value: unknown, field: string, depth: number): Found | undefined {
  if (typeof value === 'string') {
    const m = NOT_XML_CHAR.exec(value);
    return m ? { field, index: m.index, code: value.charCodeAt(m.index).toString(16).toUpperCase().padStart(4, '0') } : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > 20 || ArrayBuffer.isView(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = find(value[i], `${field}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const hit = find(child, field === '' ? key : `${field}.${key}`, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** Throws 422 LETTER_INVALID naming the first field with a character XML 1.0 cannot carry. */
export function checkDocumentText(document: unknown): void {
  const hit = find(document, '', 0);
  if (hit === undefined) return;
  const field = maskCprInText(hit.field || '(document)');
  const message = `${field}: contains the character U+${hit.code} at position ${hit.index + 1}, which a letter cannot carry; remove it.`;
  throw new ApiError(422, 'LETTER_INVALID', message, { field, issues: [{ path: field, code: 'XML_CHARACTER', message }] });
}
