/**
 * Redaction for log lines and error details: CPR numbers are masked (`010190-****`), tokens,
 * authorization headers, passphrases and certificate material are replaced by `[redacted]`,
 * and MeMo/kombi bodies are never passed through (only their size).
 * @module
 */
import { maskCprInText } from '../identifiers/mask.js';

const SECRET_KEY = /authorization|token|assertion|passphrase|password|secret|cookie|usekey|privatekey|^key$|^cert$|^pfx$|certificate/i;
const BODY_KEY = /^(body|data|xml|memo|content)$/i;
const PEM_BLOCK = /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g;
const AUTH_VALUE = /\b(Holder-of-key|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const SAML_ISH = /[A-Za-z0-9+/]{200,}={0,2}/g;

/** Masks CPR numbers, PEM blocks, authorization values and long base64 runs in free text. */
export function redactText(text: string): string {
  return maskCprInText(
    text.replace(PEM_BLOCK, '[redacted certificate]').replace(AUTH_VALUE, '$1 [redacted]').replace(SAML_ISH, '[redacted base64]'),
  );
}

function redactValue(key: string, value: unknown, depth: number): unknown {
  if (SECRET_KEY.test(key)) return '[redacted]';
  if (BODY_KEY.test(key)) {
    if (typeof value === 'string') return `[${value.length} characters not logged]`;
    if (value instanceof Uint8Array) return `[${value.byteLength} bytes not logged]`;
  }
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value !== null && typeof value === 'object' && depth < 4) {
    if (Array.isArray(value)) return value.map((v) => redactValue('', v, depth + 1));
    return redactFields(value as Record<string, unknown>, depth + 1);
  }
  return value;
}

/** Returns a redacted copy of structured log fields (nested up to four levels). */
export function redactFields(fields: Readonly<Record<string, unknown>>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = redactValue(key, value, depth);
  return out;
}
