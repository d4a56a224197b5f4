/**
 * {@link MailboxAdapter} over Office.js (the compose item of the current Outlook window).
 * @module
 */
import type { AttachmentContent, AttachmentInfo, MailboxAdapter } from './MailboxAdapter.js';
import { officeAsync } from './officeAsync.js';

function attachmentKind(type: Office.MailboxEnums.AttachmentType | string): AttachmentInfo['kind'] {
  if (type === Office.MailboxEnums.AttachmentType.Item) return 'item';
  if (type === Office.MailboxEnums.AttachmentType.Cloud) return 'cloud';
  return 'file';
}

function contentFormat(format: Office.MailboxEnums.AttachmentContentFormat | string): AttachmentContent['format'] {
  switch (format) {
    case Office.MailboxEnums.AttachmentContentFormat.Base64: return 'base64';
    case Office.MailboxEnums.AttachmentContentFormat.Eml: return 'eml';
    case Office.MailboxEnums.AttachmentContentFormat.Url: return 'url';
    default: return 'other';
  }
}

/** `AttachmentDetailsCompose` has no typed content type; some clients still send one. */
function contentTypeOf(a: Office.AttachmentDetailsCompose): string {
  const value: unknown = (a as unknown as Record<string, unknown>)['contentType'];
  return typeof value === 'string' && value !== '' ? value : 'application/octet-stream';
}

export class OfficeMailboxAdapter implements MailboxAdapter {
  readonly #item: Office.MessageCompose;

  constructor(item: Office.MessageCompose) {
    this.#item = item;
  }

  get displayLanguage(): string {
    return Office.context.displayLanguage;
  }

  supportsMailbox(version: string): boolean {
    return Office.context.requirements.isSetSupported('Mailbox', version);
  }

  getSubject(): Promise<string> {
    return officeAsync<string>('read the subject', (cb) => this.#item.subject.getAsync(cb));
  }

  getBodyHtml(): Promise<string> {
    return officeAsync<string>('read the mail body', (cb) => this.#item.body.getAsync(Office.CoercionType.Html, cb));
  }

  async listAttachments(): Promise<readonly AttachmentInfo[]> {
    const list = await officeAsync<Office.AttachmentDetailsCompose[]>('list the attachments', (cb) => this.#item.getAttachmentsAsync(cb));
    return list.map((a) => ({
      id: a.id, name: a.name, size: a.size, contentType: contentTypeOf(a),
      kind: attachmentKind(a.attachmentType), isInline: a.isInline,
      ...(a.contentId ? { contentId: a.contentId } : {}),
    }));
  }

  async getAttachmentContent(id: string): Promise<AttachmentContent> {
    const c = await officeAsync<Office.AttachmentContent>('read an attachment', (cb) => this.#item.getAttachmentContentAsync(id, cb));
    return { format: contentFormat(c.format), content: c.content };
  }

  async getSessionValue(key: string): Promise<string | undefined> {
    if (!this.supportsMailbox('1.11')) return undefined;
    try {
      const value = await officeAsync<string>('read the pane\'s saved choices', (cb) => this.#item.sessionData.getAsync(key, cb));
      return value === '' ? undefined : value;
    } catch {
      return undefined; // Outlook reports a missing key as an error
    }
  }

  async setSessionValue(key: string, value: string): Promise<void> {
    if (!this.supportsMailbox('1.11')) return;
    await officeAsync<void>('save the pane\'s choices', (cb) => this.#item.sessionData.setAsync(key, value, cb));
  }

  closeAndDiscard(): Promise<void> {
    return officeAsync<void>('close the draft', (cb) => this.#item.closeAsync({ discardItem: true }, cb));
  }
}
