/**
 * Reads the planned attachments from Outlook strictly one at a time: parallel reads make
 * Outlook return some attachments empty (OfficeDev/office-js#3897).
 * @module
 */
import { PostbudError } from '@postbud/sdk';
import type { MailboxAdapter } from '../../office/MailboxAdapter.js';
import type { PlannedDocument } from './planContent.js';

/** UTF-8 text to base64 without Node's Buffer. */
export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** One attachment as read from Outlook, ready for `files` or `inlineImages`. */
export interface ReadDocument {
  readonly filename: string;
  readonly contentType: string;
  readonly base64: string;
  /** Inline image referenced from the body as `cid:<contentId>`. */
  readonly contentId?: string;
}

export async function readDocuments(
  mailbox: Pick<MailboxAdapter, 'getAttachmentContent'>,
  planned: readonly PlannedDocument[],
  onRead?: (done: number, total: number) => void,
): Promise<ReadDocument[]> {
  const out: ReadDocument[] = [];
  for (const doc of planned) {
    const content = await mailbox.getAttachmentContent(doc.attachmentId);
    let base64: string;
    if (content.format === 'base64' && content.content !== '') base64 = content.content;
    else if (content.format === 'eml') base64 = utf8ToBase64(content.content);
    else {
      throw new PostbudError('FILE_UNREADABLE', `Outlook gave no content for the attachment "${doc.filename}".`, {
        fault: 'unknown', retryable: true, details: { filename: doc.filename, format: content.format },
      });
    }
    out.push({ filename: doc.filename, contentType: doc.contentType, base64, ...(doc.contentId ? { contentId: doc.contentId } : {}) });
    onRead?.(out.length, planned.length);
  }
  return out;
}
