/**
 * Derives a stable v4-shaped UUID from your own key (e.g. the case-system document id), so a
 * re-run of the same job re-sends with the same message UUID and the server can recognise it.
 * MeMo accepts only v4-pattern UUIDs, so the SHA-256 digest gets v4 version and variant bits.
 * @module
 */

/** @example `await deriveMessageUuid('sbsys:doc:4711')` */
export async function deriveMessageUuid(key: string, namespace = 'postbud'): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${namespace}\u0000${key}`)));
  const b = digest.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
