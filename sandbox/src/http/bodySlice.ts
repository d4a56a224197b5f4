/**
 * The bytes of a body that a slice of its decoded text came from, found by counting UTF-8 bytes
 * instead of encoding the slice again. Storing a received MeMo from its own bytes saves the
 * sandbox encoding a 70 KB string per letter (about 100 µs).
 * @module
 */

/** `body`'s bytes for `text.slice(start, end)`, where `text` is `decodeUtf8(body)` (which drops a BOM). */
export function bodySlice(body: Buffer, text: string, start: number, end: number): Buffer {
  const bom = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  const from = bom + Buffer.byteLength(text.slice(0, start));
  return body.subarray(from, from + Buffer.byteLength(text.slice(start, end)));
}
