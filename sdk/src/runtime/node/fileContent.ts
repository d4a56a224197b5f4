/**
 * `fileContent(path)`: a File's content read lazily from disk, so a large attachment is streamed
 * into the MeMo XML (by `writeMemoStream`) instead of being loaded whole.
 * @module
 */
import { createReadStream, statSync } from 'node:fs';
import { PostbudError } from '../../errors/PostbudError.js';

/**
 * A lazily read file. Usable both as a `FileContentInput` of a `LetterInput` and directly as
 * the `content` of a MeMo `File` (it is `BinaryContent` of kind `stream`).
 */
export interface FileStreamContent {
  readonly kind: 'stream';
  readonly byteLength: number;
  readonly open: () => AsyncIterable<Uint8Array>;
}

/** Read size per chunk: large enough that base64 encoding runs in big slices. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Content read from `path` each time the message is written. The size is taken now (for size
 * checks before sending); the stream writer fails if the file has changed size when read.
 */
export function fileContent(path: string): FileStreamContent {
  let byteLength: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a regular file');
    byteLength = stat.size;
  } catch (cause) {
    throw new PostbudError('MEMO_CONTENT_UNAVAILABLE', `Cannot read the attachment ${path}: ${(cause as Error).message}. Check the path and permissions.`, { cause });
  }
  return Object.freeze({
    kind: 'stream',
    byteLength,
    open: (): AsyncIterable<Uint8Array> => createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>,
  });
}
