/**
 * `writeMemoBytes`: the MeMo XML directly as UTF-8 bytes, the form it is sent in. Faster than
 * `new TextEncoder().encode(writeMemo(m))` for letters with attachments: the base64 text is
 * copied once into the output instead of being joined into one large string (which becomes
 * two bytes per character as soon as the letter holds a non-Latin-1 character) and then encoded.
 * @module
 */
import { PostbudError } from '../../errors/PostbudError.js';
import type { MemoMessage } from '../model.js';
import { encodeBase64 } from './base64.js';
import { escapeText } from './escapeXml.js';
import { renderMemo } from './renderMemo.js';
import type { WriteMemoOptions } from './renderMemo.js';

const encoder = new TextEncoder();

/** Same bytes as the UTF-8 encoding of `writeMemo(message, options)`; the same errors. */
export function writeMemoBytes(message: MemoMessage, options: WriteMemoOptions = {}): Uint8Array {
  const parts = renderMemo(message, options, true);
  const texts: string[] = [];
  let estimate = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      texts.push(part);
      estimate += part.length * 3; // the UTF-8 bound; markup parts are small
    } else if (part.kind === 'bytes') {
      const text = encodeBase64(part.bytes);
      texts.push(text);
      estimate += text.length;
    } else if (part.kind === 'base64') {
      const text = escapeText(part.base64);
      texts.push(text);
      estimate += text.length; // exact for real base64 (ASCII); grown below otherwise
    } else {
      throw new PostbudError('MEMO_CONTENT_UNAVAILABLE', 'A File has stream content, which writeMemoBytes cannot hold in memory. Use writeMemoStream (or memoReadable in Node) instead.');
    }
  }
  let out = new Uint8Array(estimate);
  let at = 0;
  for (const text of texts) {
    let rest = text;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, out.subarray(at));
      at += written;
      if (read === rest.length) break;
      rest = rest.slice(read);
      const grown = new Uint8Array(out.length + rest.length * 3);
      grown.set(out.subarray(0, at));
      out = grown;
    }
  }
  return out.subarray(0, at);
}
