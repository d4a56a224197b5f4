/**
 * Base64 without Node's Buffer, so the core stays browser-safe.
 * @module
 */

/** Encodes bytes as base64 (chunked, so large PDFs do not overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x6000; // a multiple of 3, so chunks concatenate without padding in between
  for (let i = 0; i < bytes.length; i += chunk) {
    out += btoa(String.fromCharCode(...bytes.subarray(i, i + chunk)));
  }
  return out;
}

/** Decodes base64 (whitespace ignored). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** UTF-8 text as base64 (for `Authorization: Basic`). */
export function textToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}
