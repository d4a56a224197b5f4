/**
 * What the add-in needs from the compose item, as plain TypeScript. Only `src/office/`
 * implements it against the `Office` global; use cases and tests use this interface.
 * @module
 */

export type AttachmentKind = 'file' | 'item' | 'cloud';

export interface AttachmentInfo {
  readonly id: string;
  readonly name: string;
  /** @unit bytes */
  readonly size: number;
  readonly contentType: string;
  readonly kind: AttachmentKind;
  readonly isInline: boolean;
  /** For inline images: the id the body refers to as `cid:<contentId>`. */
  readonly contentId?: string;
}

/** `base64` for files, `eml` (MIME text) for attached mails, `url` for cloud links. */
export type AttachmentContent =
  | { readonly format: 'base64'; readonly content: string }
  | { readonly format: 'eml'; readonly content: string }
  | { readonly format: 'url'; readonly content: string }
  | { readonly format: 'other'; readonly content: string };

export interface MailboxAdapter {
  /** Outlook's display language, e.g. `da-DK` or `en-US`. */
  readonly displayLanguage: string;
  /** `Office.context.requirements.isSetSupported('Mailbox', version)`. */
  supportsMailbox(version: string): boolean;
  getSubject(): Promise<string>;
  getBodyHtml(): Promise<string>;
  listAttachments(): Promise<readonly AttachmentInfo[]>;
  /** Reads one attachment. Callers must not read several at once (Outlook drops content). */
  getAttachmentContent(id: string): Promise<AttachmentContent>;
  /** Per-draft storage that survives closing and reopening the pane (`item.sessionData`). */
  getSessionValue(key: string): Promise<string | undefined>;
  setSessionValue(key: string, value: string): Promise<void>;
  /** `item.closeAsync({ discardItem: true })` (Mailbox 1.14). Code after success may never run. */
  closeAndDiscard(): Promise<void>;
}
