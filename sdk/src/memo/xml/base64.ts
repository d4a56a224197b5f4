/**
 * Base64 encoding that uses Node's native `Buffer` when present (fast, no copies) and a
 * portable fallback elsewhere (browsers, the Outlook add-in), since the core SDK must not
 * depend on Node.
 * @module
 */

interface BufferLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'base64'): string };
}
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function portableBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let out = '';
  const full = bytes.length - (bytes.length % 3);
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
    if (out.length >= 8192) {
      parts.push(out);
      out = '';
    }
  }
  const rest = bytes.length - full;
  if (rest > 0) {
    const n = (bytes[full]! << 16) | (rest === 2 ? bytes[full + 1]! << 8 : 0);
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + (rest === 2 ? ALPHABET[(n >>> 6) & 63]! : '=') + '=';
  }
  parts.push(out);
  return parts.join('');
}

/** Standard base64 (RFC 4648, with padding, no line breaks) of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return portableBase64(bytes);
}

/** Exposed for tests of the non-Node path. */
export const portableBase64ForTests = portableBase64;
