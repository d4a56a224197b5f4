/**
 * `memoReadable(message)`: the MeMo XML as a Node `Readable`, for piping into files and HTTP
 * requests with backpressure.
 * @module
 */
import { Readable } from 'node:stream';
import type { MemoMessage } from '../../memo/model.js';
import { writeMemoStream } from '../../memo/xml/writeMemoStream.js';
import type { WriteMemoOptions } from '../../memo/xml/renderMemo.js';

export function memoReadable(message: MemoMessage, options?: WriteMemoOptions): Readable {
  return Readable.from(writeMemoStream(message, options), { objectMode: false });
}
