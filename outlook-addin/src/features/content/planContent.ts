/**
 * Decides, from the attachment list alone, what goes into the letter: the body becomes the
 * main document, file and mail attachments become additional documents, inline images stay
 * with the body. Cloud links, forbidden types and oversize files are refused with a reason
 * before anything is read or sent.
 * @module
 */
import type { LetterLimits } from '../../gateway/types.js';
import type { AttachmentInfo } from '../../office/MailboxAdapter.js';

export type RefusalReason = 'cloud' | 'type' | 'size' | 'count';

export interface PlannedDocument {
  readonly attachmentId: string;
  readonly filename: string;
  readonly kind: 'file' | 'item';
  /** @unit bytes */
  readonly size: number;
  readonly contentType: string;
  readonly contentId?: string;
}

export interface RefusedAttachment {
  readonly name: string;
  readonly reason: RefusalReason;
}

export interface ContentPlan {
  readonly documents: readonly PlannedDocument[];
  readonly inlineImages: readonly PlannedDocument[];
  readonly refused: readonly RefusedAttachment[];
  /** @unit bytes */
  readonly totalBytes: number;
  readonly tooLarge: boolean;
}

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** An attached mail is sent as a `.eml` file. */
export function documentName(a: AttachmentInfo): string {
  if (a.kind !== 'item') return a.name;
  return /\.eml$/i.test(a.name) ? a.name : `${a.name.replace(/[\\/:*?"<>|]+/g, '_')}.eml`;
}

const MIME: Readonly<Record<string, string>> = {
  pdf: 'application/pdf', txt: 'text/plain', rtf: 'application/rtf', csv: 'text/csv', xml: 'text/xml', htm: 'text/html', html: 'text/html',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet', odp: 'application/vnd.oasis.opendocument.presentation',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', tif: 'image/tiff', tiff: 'image/tiff', bmp: 'image/bmp',
  eml: 'message/rfc822', msg: 'application/vnd.ms-outlook',
};

/** Outlook often reports no content type for compose attachments: fall back to the extension. */
function contentTypeOf(a: AttachmentInfo): string {
  if (a.kind === 'item') return 'message/rfc822';
  if (a.contentType && a.contentType !== 'application/octet-stream') return a.contentType;
  return MIME[extensionOf(a.name)] ?? 'application/octet-stream';
}

function planned(a: AttachmentInfo): PlannedDocument {
  return {
    attachmentId: a.id, filename: documentName(a), kind: a.kind === 'item' ? 'item' : 'file', size: a.size,
    contentType: contentTypeOf(a),
    ...(a.contentId ? { contentId: a.contentId } : {}),
  };
}

function refusal(a: AttachmentInfo, limits: LetterLimits): RefusalReason | undefined {
  if (a.kind === 'cloud') return 'cloud';
  if (a.kind === 'file' && !limits.allowedExtensions.includes(extensionOf(a.name))) return 'type';
  if (a.size > limits.maxFileBytes) return 'size';
  return undefined;
}

export function planContent(attachments: readonly AttachmentInfo[], limits: LetterLimits): ContentPlan {
  const documents: PlannedDocument[] = [];
  const inlineImages: PlannedDocument[] = [];
  const refused: RefusedAttachment[] = [];
  for (const a of attachments) {
    if (a.isInline && a.kind === 'file') {
      inlineImages.push(planned(a));
      continue;
    }
    const reason = refusal(a, limits) ?? (documents.length >= limits.maxAttachments ? 'count' : undefined);
    if (reason) refused.push({ name: a.name, reason });
    else documents.push(planned(a));
  }
  const totalBytes = [...documents, ...inlineImages].reduce((sum, d) => sum + d.size, 0);
  return { documents, inlineImages, refused, totalBytes, tooLarge: totalBytes > limits.maxTotalBytes };
}
