/**
 * The municipality's limits on what a letter may carry (number of attachments, file sizes,
 * file types), checked at intake so a caseworker hears at once, not after the route refuses.
 * @module
 */
import { base64ByteLength, type FileInput, type LetterInput } from '@postbud/sdk';
import type { LetterLimits } from '../config/GatewayConfig.js';
import { ApiError } from '../http/ApiError.js';

function byteLength(f: FileInput): number | undefined {
  const c = f.content;
  if (c instanceof Uint8Array) return c.byteLength;
  if ('base64' in c) return base64ByteLength(c.base64);
  return c.byteLength;
}

const MB = (n: number): string => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

export function checkLimits(letter: LetterInput, limits: LetterLimits): void {
  const attachments = letter.attachments ?? [];
  if (attachments.length > limits.maxAttachments) {
    throw new ApiError(422, 'TOO_MANY_ATTACHMENTS', `The letter has ${attachments.length} attachments; at most ${limits.maxAttachments} are allowed.`, { maxAttachments: limits.maxAttachments });
  }
  const files = [...(letter.mainDocument?.files ?? []), ...attachments.flatMap((d) => d.files)];
  let total = 0;
  for (const f of files) {
    const ext = /\.([A-Za-z0-9]+)$/.exec(f.filename)?.[1]?.toLowerCase() ?? '';
    if (limits.allowedExtensions.length > 0 && !limits.allowedExtensions.includes(ext)) {
      throw new ApiError(422, 'FILE_TYPE_NOT_ALLOWED', `"${f.filename}" is not an allowed file type. Allowed: ${limits.allowedExtensions.join(', ')}.`, { filename: f.filename });
    }
    const size = byteLength(f) ?? 0;
    if (size > limits.maxFileBytes) throw new ApiError(422, 'FILE_TOO_LARGE', `"${f.filename}" is ${MB(size)}; one file may be at most ${MB(limits.maxFileBytes)}.`, { filename: f.filename });
    total += size;
  }
  if (total > limits.maxTotalBytes) throw new ApiError(422, 'LETTER_TOO_LARGE', `The files are ${MB(total)} together; at most ${MB(limits.maxTotalBytes)} are allowed.`);
}
