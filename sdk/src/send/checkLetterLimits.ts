/**
 * Size and attachment limits, checked before anything is sent.
 * @module
 */
import { base64ByteLength } from '../memo/base64ByteLength.js';
import { PostbudError } from '../errors/PostbudError.js';
import type { BinaryContent, MemoFile, MemoMessage } from '../memo/model.js';

/** Decoded size of one file's content in bytes, or undefined for a stream of unknown length. */
export function contentByteLength(content: BinaryContent): number | undefined {
  if (content.kind === 'bytes') return content.bytes.byteLength;
  if (content.kind === 'base64') return base64ByteLength(content.base64);
  return content.byteLength;
}

export function allFiles(message: MemoMessage): MemoFile[] {
  const body = message.MessageBody;
  if (!body) return [];
  return [
    ...body.MainDocument.File,
    ...(body.AdditionalDocument ?? []).flatMap((d) => d.File),
    ...(body.TechnicalDocument ?? []).flatMap((d) => d.File),
  ];
}

export function checkLetterLimits(message: MemoMessage, limits: { readonly maxLetterBytes: number; readonly maxAttachments: number }): void {
  const attachments = message.MessageBody?.AdditionalDocument?.length ?? 0;
  if (attachments > limits.maxAttachments) {
    throw new PostbudError('TOO_MANY_ATTACHMENTS', `The letter has ${attachments} attachments; at most ${limits.maxAttachments} are allowed. Merge attachments into fewer PDFs or send several letters.`, { details: { attachments, maxAttachments: limits.maxAttachments } });
  }
  let total = 0;
  for (const file of allFiles(message)) {
    const size = contentByteLength(file.content);
    if (size === 0) {
      throw new PostbudError('LETTER_INPUT_INVALID', `The file "${file.filename}" is empty; attach the real document.`, { details: { filename: file.filename } });
    }
    total += size ?? 0;
  }
  if (total > limits.maxLetterBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    throw new PostbudError('LETTER_TOO_LARGE', `The letter's files add up to ${mb(total)} MB; at most ${mb(limits.maxLetterBytes)} MB are allowed. Compress the PDFs or split the letter.`, { details: { bytes: total, maxBytes: limits.maxLetterBytes } });
  }
}
