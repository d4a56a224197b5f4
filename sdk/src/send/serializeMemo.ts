/**
 * The MeMo XML to send, as bytes: built once per letter so every retry sends the same body.
 * Stream content (large attachments) goes through the streaming writer.
 * @module
 */
import type { MemoMessage } from '../memo/model.js';
import { writeMemo } from '../memo/xml/writeMemo.js';
import { writeMemoStream } from '../memo/xml/writeMemoStream.js';
import { allFiles } from './checkLetterLimits.js';

/** Whether a file's content is a stream, which only the streaming writer can write. */
export function hasStreamContent(message: MemoMessage): boolean {
  return allFiles(message).some((file) => file.content.kind === 'stream');
}

export async function serializeMemo(message: MemoMessage, xmlDeclaration = true): Promise<string> {
  if (!hasStreamContent(message)) return writeMemo(message, { xmlDeclaration });
  const decoder = new TextDecoder();
  let xml = '';
  for await (const chunk of writeMemoStream(message, { xmlDeclaration })) xml += decoder.decode(chunk, { stream: true });
  return xml + decoder.decode();
}
