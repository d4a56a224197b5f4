/**
 * Default limits for a letter, used when the gateway does not state its own in `/v1/me`.
 * 10 attachments and 99.5 MB follow the Digital Post size regulation for public senders;
 * 25 MB per file is Outlook on the web's own attachment limit.
 * @module
 */
import type { LetterLimits } from '../../gateway/types.js';

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: LetterLimits = Object.freeze({
  maxAttachments: 10,
  maxFileBytes: 25 * MB,
  maxTotalBytes: Math.floor(99.5 * MB),
  allowedExtensions: Object.freeze([
    'pdf', 'txt', 'rtf', 'doc', 'docx', 'odt', 'xls', 'xlsx', 'ods', 'csv', 'ppt', 'pptx', 'odp',
    'jpg', 'jpeg', 'png', 'gif', 'tif', 'tiff', 'bmp', 'eml', 'msg', 'xml', 'htm', 'html',
  ]),
});

export function resolveLimits(fromGateway: Partial<LetterLimits> | undefined): LetterLimits {
  return Object.freeze({ ...DEFAULT_LIMITS, ...fromGateway });
}
