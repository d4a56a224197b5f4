/**
 * The doc2mail-like plugin, loaded by the gateway (`plugin: .../doc2mailPlugin.js`,
 * `pluginOptions: { folder: /srv/doc2mail }`). `toLetter` turns a printed job into a letter
 * (the case id is tagged with the system that printed it) with the ticket's address for
 * physical post (`physicalAddress`); receipts and status events are
 * added to `done/<job>.receipt.json`, and replies are saved in `replies/` with the job's name.
 * @module
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PostbudError } from '@postbud/sdk';
import type { LetterEvent, PluginLetter, PostalAddress, SenderSystemPlugin, SenderSystemPluginFactory } from '@postbud/sdk';
import { JobFolders } from './JobFolders.js';

/** What the output manager posts to the gateway: the letter request plus a `doc2mail` block. */
export interface Doc2mailDocument {
  readonly recipient: { readonly type: 'cpr'; readonly cpr: string; readonly name?: string } | { readonly type: 'cvr'; readonly cvr: string; readonly pNumber?: string; readonly name?: string };
  readonly title: string;
  readonly caseId?: string;
  readonly files: readonly { readonly filename: string; readonly contentType: string; readonly base64: string }[];
  /** `address`: the ticket's, structured; the gateway prints the letter there if the recipient has no Digital Post. */
  readonly doc2mail: { readonly job: string; readonly senderSystem: string; readonly address?: PostalAddress };
}

function toLetter(document: unknown): PluginLetter {
  const d = document as Partial<Doc2mailDocument>;
  const file = d.files?.[0];
  if (d.doc2mail === undefined || d.recipient === undefined || file === undefined || typeof d.title !== 'string') {
    throw new PostbudError('LETTER_INPUT_INVALID', 'A doc2mail document needs recipient, title, one PDF file and the doc2mail block (job, senderSystem).', { fault: 'client' });
  }
  const r = d.recipient;
  return {
    title: d.title,
    sender: { id: '00000000', label: '' },
    recipient: r.type === 'cpr' ? { type: 'cpr', cpr: r.cpr, ...(r.name ? { name: r.name } : {}) } : { type: 'cvr', cvr: r.cvr, ...(r.name ? { name: r.name } : {}), ...(r.pNumber ? { pNumber: r.pNumber } : {}) },
    ...(d.caseId ? { metadata: { caseId: { id: d.caseId, system: d.doc2mail.senderSystem } } } : {}),
    mainDocument: { id: d.doc2mail.job, label: d.title, files: [{ filename: file.filename, encodingFormat: 'application/pdf', content: { base64: file.base64 } }] },
    ...(d.doc2mail.address ? { physicalAddress: d.doc2mail.address } : {}),
  };
}

function describe(e: LetterEvent, job: string): string {
  if (e.kind === 'receipt') return e.outcome === 'accepted' ? `Modtaget af Digital Post/fjernprint (${e.transmissionId ?? ''})` : `Afvist: ${e.reason ?? ''}`;
  if (e.kind === 'status') return `${e.status}: ${e.routeStatus}${e.errorText ? ` (${e.errorText})` : ''}`;
  return `Svar: ${e.title} (replies/${job}.${e.replyId}.xml)`;
}

class Doc2mailPlugin implements SenderSystemPlugin {
  readonly id = 'doc2mail';
  readonly label = 'doc2mail-like output manager (Postbud sample)';
  readonly capabilities = { reply: true, caseIds: true } as const;

  constructor(private readonly folders: JobFolders) {}

  toLetter(document: unknown): PluginLetter {
    return toLetter(document);
  }

  #file(e: LetterEvent): void {
    const job = this.folders.jobOfLetter(e.letterId);
    const receipt = job === undefined ? undefined : this.folders.readReceipt(job);
    // Thrown: the gateway keeps the event and tries again (the job may still be on its way to done/).
    if (receipt === undefined) throw new Error(`No finished job for letter ${e.letterId} yet.`);
    if (receipt.events.some((x) => x.eventId === e.eventId)) return;
    const transmissionId = e.kind === 'receipt' && e.transmissionId ? { transmissionId: e.transmissionId } : {};
    this.folders.writeReceipt({ ...receipt, ...transmissionId, events: [...receipt.events, { eventId: e.eventId, kind: e.kind, at: e.occurredAt, text: describe(e, receipt.job) }] });
  }

  onReceipt(e: LetterEvent): void {
    this.#file(e);
  }

  onStatus(e: LetterEvent): void {
    this.#file(e);
  }

  onReply(e: Extract<LetterEvent, { kind: 'reply' }>): void {
    const job = this.folders.jobOfLetter(e.letterId) ?? e.letterId;
    writeFileSync(path.join(this.folders.replies, `${job}.${e.replyId}.xml`), e.memoXml);
    this.#file(e);
  }
}

const createDoc2mailPlugin: SenderSystemPluginFactory = (options) => {
  const folder = options['folder'];
  if (typeof folder !== 'string') throw new PostbudError('CONFIG_INVALID', 'The doc2mail plugin needs pluginOptions.folder: the output manager\'s folder.');
  return new Doc2mailPlugin(new JobFolders(folder));
};

export default createDoc2mailPlugin;
