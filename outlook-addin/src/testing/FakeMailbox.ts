/**
 * An in-memory {@link MailboxAdapter} for unit tests: a compose item with subject, body,
 * attachments and session data, a call log, and failure injection.
 * @module
 */
import { PostbudError } from '@postbud/sdk';
import type { AttachmentContent, AttachmentInfo, MailboxAdapter } from '../office/MailboxAdapter.js';

export interface FakeAttachment extends AttachmentInfo {
  readonly content: AttachmentContent;
}

export interface FakeMailboxInit {
  readonly displayLanguage?: string;
  /** Highest supported Mailbox requirement set, e.g. '1.14'. */
  readonly mailboxVersion?: string;
  readonly subject?: string;
  readonly bodyHtml?: string;
  readonly attachments?: readonly FakeAttachment[];
}

function versionAtLeast(have: string, want: string): boolean {
  const [hm = 0, hn = 0] = have.split('.').map(Number);
  const [wm = 0, wn = 0] = want.split('.').map(Number);
  return hm > wm || (hm === wm && hn >= wn);
}

export class FakeMailbox implements MailboxAdapter {
  readonly displayLanguage: string;
  readonly mailboxVersion: string;
  subject: string;
  bodyHtml: string;
  attachments: FakeAttachment[];
  readonly session = new Map<string, string>();
  readonly calls: string[] = [];
  closed = false;
  /** Names of methods that fail with `MAILBOX_API_FAILED` on their next call. */
  readonly failNext = new Set<string>();
  #reading = 0;
  /** Highest number of attachment reads running at once (must stay 1). */
  maxParallelReads = 0;

  constructor(init: FakeMailboxInit = {}) {
    this.displayLanguage = init.displayLanguage ?? 'da-DK';
    this.mailboxVersion = init.mailboxVersion ?? '1.14';
    this.subject = init.subject ?? '';
    this.bodyHtml = init.bodyHtml ?? '';
    this.attachments = [...(init.attachments ?? [])];
  }

  supportsMailbox(version: string): boolean {
    return versionAtLeast(this.mailboxVersion, version);
  }

  async #call<T>(name: string, run: () => T): Promise<T> {
    this.calls.push(name);
    await Promise.resolve();
    if (this.failNext.delete(name)) throw new PostbudError('MAILBOX_API_FAILED', `Outlook could not ${name} (injected).`, { fault: 'unknown' });
    return run();
  }

  getSubject(): Promise<string> {
    return this.#call('getSubject', () => this.subject);
  }

  getBodyHtml(): Promise<string> {
    return this.#call('getBodyHtml', () => this.bodyHtml);
  }

  listAttachments(): Promise<readonly AttachmentInfo[]> {
    return this.#call('listAttachments', () => this.attachments.map(({ content: _content, ...info }) => info));
  }

  async getAttachmentContent(id: string): Promise<AttachmentContent> {
    this.#reading++;
    this.maxParallelReads = Math.max(this.maxParallelReads, this.#reading);
    try {
      await new Promise((r) => setTimeout(r, 1));
      return await this.#call('getAttachmentContent', () => {
        const found = this.attachments.find((a) => a.id === id);
        if (!found) throw new PostbudError('MAILBOX_API_FAILED', 'InvalidAttachmentId', { fault: 'client' });
        return found.content;
      });
    } finally {
      this.#reading--;
    }
  }

  getSessionValue(key: string): Promise<string | undefined> {
    return this.#call('getSessionValue', () => this.session.get(key));
  }

  setSessionValue(key: string, value: string): Promise<void> {
    return this.#call('setSessionValue', () => void this.session.set(key, value));
  }

  closeAndDiscard(): Promise<void> {
    return this.#call('closeAndDiscard', () => {
      if (!this.supportsMailbox('1.14')) throw new PostbudError('MAILBOX_API_FAILED', 'closeAsync is not supported', { fault: 'client' });
      this.closed = true;
    });
  }
}
