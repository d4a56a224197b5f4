/**
 * `writeMemoStream`: a MeMo message as UTF-8 chunks. Attachments are base64-encoded slice by
 * slice as they are read, so a 100 MB file never sits in memory whole (neither as bytes nor
 * as base64 text). Output is byte-for-byte the same as `writeMemo`'s.
 * @module
 */
import { PostbudError } from '../../errors/PostbudError.js';
import type { BinaryContent, MemoMessage } from '../model.js';
import { encodeBase64 } from './base64.js';
import { escapeText } from './escapeXml.js';
import { renderMemo } from './renderMemo.js';
import type { WriteMemoOptions } from './renderMemo.js';

/** Bytes encoded per slice: a multiple of 3, so slices concatenate into one valid base64 text. */
const SLICE_BYTES = 3 * 16 * 1024;
/** Text buffered before a chunk is emitted. */
const CHUNK_CHARS = 64 * 1024;

const encoder = new TextEncoder();

/** Yields `message` as UTF-8 XML chunks. Each `open()` of a stream content is called once per call. */
export async function* writeMemoStream(message: MemoMessage, options: WriteMemoOptions = {}): AsyncIterable<Uint8Array> {
  const parts = renderMemo(message, options, 'all');
  let pending = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      pending += part;
    } else if (part.kind === 'stream') {
      if (pending) yield encoder.encode(pending);
      pending = '';
      yield* streamBase64(part);
    } else {
      for (const text of contentSlices(part)) {
        pending += text;
        if (pending.length >= CHUNK_CHARS) {
          yield encoder.encode(pending);
          pending = '';
        }
      }
    }
    if (pending.length >= CHUNK_CHARS) {
      yield encoder.encode(pending);
      pending = '';
    }
  }
  if (pending) yield encoder.encode(pending);
}

/** In-memory content in base64 slices (the full base64 text is never built). */
function* contentSlices(content: Exclude<BinaryContent, { kind: 'stream' }>): Iterable<string> {
  if (content.kind === 'base64') {
    const text = content.base64;
    for (let i = 0; i < text.length; ) {
      let end = Math.min(text.length, i + CHUNK_CHARS);
      // Never split a surrogate pair (only possible in broken base64, but it must stay broken the same way).
      const last = text.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end++;
      yield escapeText(text.slice(i, end));
      i = end;
    }
    return;
  }
  const bytes = content.bytes;
  for (let i = 0; i < bytes.length; i += SLICE_BYTES) yield encodeBase64(bytes.subarray(i, i + SLICE_BYTES));
}

/**
 * Reads a stream source chunk by chunk and encodes it in slices of whole base64 quanta. Small
 * chunks (and the 0–2 bytes that do not fill a quantum) collect in one reused buffer, so odd
 * chunk sizes give one valid base64 text and tiny chunks do not become tiny writes.
 */
async function* streamBase64(content: Extract<BinaryContent, { kind: 'stream' }>): AsyncIterable<Uint8Array> {
  const acc = new Uint8Array(SLICE_BYTES);
  let accLength = 0;
  let total = 0;
  for await (const chunk of content.open()) {
    total += chunk.length;
    let at = 0;
    while (at < chunk.length) {
      const remaining = chunk.length - at;
      if (accLength === 0 && remaining >= SLICE_BYTES) {
        // Large chunk, nothing collected: encode its whole quanta straight from the source buffer.
        const direct = remaining - (remaining % 3);
        for (let i = at; i < at + direct; i += SLICE_BYTES) {
          yield encoder.encode(encodeBase64(chunk.subarray(i, Math.min(at + direct, i + SLICE_BYTES))));
        }
        at += direct;
        continue;
      }
      const take = Math.min(SLICE_BYTES - accLength, remaining);
      acc.set(chunk.subarray(at, at + take), accLength);
      accLength += take;
      at += take;
      if (accLength === SLICE_BYTES) {
        yield encoder.encode(encodeBase64(acc));
        accLength = 0;
      }
    }
  }
  if (accLength > 0) yield encoder.encode(encodeBase64(acc.subarray(0, accLength)));
  if (content.byteLength !== undefined && total !== content.byteLength) {
    throw new PostbudError(
      'MEMO_CONTENT_UNAVAILABLE',
      `A File's stream yielded ${total} bytes but its byteLength says ${content.byteLength}. The file changed while it was being sent; build the message again.`,
    );
  }
}
