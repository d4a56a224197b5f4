/**
 * `writeMemo`: a MeMo message as one UTF-8 XML string (elements in XSD order, `memo:` and the
 * conventional prefixes declared on the root). For attachments read from streams use
 * {@link writeMemoStream}.
 * @module
 */
import type { MemoMessage } from '../model.js';
import { renderMemo } from './renderMemo.js';
import type { WriteMemoOptions } from './renderMemo.js';

export type { WriteMemoOptions } from './renderMemo.js';

/**
 * Writes `message` as XML. Writes what the model holds, without validating it (use
 * `validateMemo` first). Throws `MEMO_CONTENT_UNAVAILABLE` when a File has stream content and
 * `MEMO_XML_CHARACTER_INVALID` when a value holds a character XML 1.0 cannot carry.
 */
export function writeMemo(message: MemoMessage, options: WriteMemoOptions = {}): string {
  return renderMemo(message, options, 'none')[0] as string;
}
