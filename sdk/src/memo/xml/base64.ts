/**
 * Base64 encoding that uses Node's native `Buffer` when present (fast, no copies) and a
 * portable fallback elsewhere (browsers, the Outlook add-in), since the core SDK must not
 * depend on Node.
 * @module
 */
import { NodeBuffer } from './nodeBuffer.js';
import type { NodeBufferInstance } from './nodeBuffer.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Input bytes per native encoding call in {@link writeBase64}: a multiple of 3 (slices join into
 * one valid base64 text) whose 64 KiB of text stays below V8's large-object size. Encoding a
 * 200 KB file in such slices measured about 3× faster (CPU time) than one large string, which
 * V8 allocates and collects in its slower large-object space.
 */
export const BASE64_SLICE_BYTES = 3 * 16 * 1024;

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

/** Length of the base64 text of `byteLength` bytes (with padding). */
export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}

/**
 * Writes the base64 of `bytes` into `out` (a Node Buffer) at `at`, slice by slice, without
 * building the whole text. Returns the position after the last byte written.
 */
export function writeBase64(bytes: Uint8Array, out: NodeBufferInstance, at: number): number {
  if (!NodeBuffer) throw new Error('writeBase64 needs Node’s Buffer');
  const source = NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = at;
  for (let i = 0; i < bytes.byteLength; i += BASE64_SLICE_BYTES) {
    pos += out.write(source.toString('base64', i, Math.min(bytes.byteLength, i + BASE64_SLICE_BYTES)), pos, 'latin1');
  }
  return pos;
}

/** Exposed for tests of the non-Node path. */
export const portableBase64ForTests = portableBase64;
