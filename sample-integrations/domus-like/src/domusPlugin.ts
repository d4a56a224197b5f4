/**
 * The DOMUS-like sender-system plugin, loaded by the gateway from its configuration:
 *
 *   senderSystems:
 *     - id: domus
 *       plugin: ./sample-integrations/dist/domus-like/src/domusPlugin.js
 *       pluginOptions: { database: /var/lib/domus/domus.sqlite, kleVersion: Maj 2018 }
 *
 * `toLetter` puts the case id (system DOMUS), KLE (with handling facet) and the citizen's CPR
 * on the letter as MeMo metadata. Receipts, status events and replies are filed on the case
 * (journalisering) the moment the gateway hands them over, once per event id.
 * @module
 */
import { PostbudError, parseMemo } from '@postbud/sdk';
import type { LetterInput, LetterReceiptEvent, LetterReplyEvent, LetterStatusEvent, SenderSystemPlugin, SenderSystemPluginFactory } from '@postbud/sdk';
import { DomusCaseStore } from './DomusCaseStore.js';
import { readDomusDocument } from './DomusLetterDocument.js';

export const DOMUS_CASE_SYSTEM = 'DOMUS';

/** The plain text of a reply (its `svar.txt`), for the case thread. */
export function replyText(memoXml: string): string {
  const { message } = parseMemo(memoXml);
  const file = message.MessageBody?.MainDocument?.File[0];
  if (file === undefined || !file.encodingFormat.startsWith('text/')) return '';
  const c = file.content;
  if (c.kind === 'bytes') return new TextDecoder().decode(c.bytes);
  if (c.kind === 'base64') return Buffer.from(c.base64, 'base64').toString('utf8');
  return '';
}

function toLetter(document: unknown, kleVersion: string): LetterInput {
  const doc = readDomusDocument(document);
  if (typeof doc === 'string') throw new PostbudError('LETTER_INPUT_INVALID', doc, { fault: 'client' });
  const [main, ...attachments] = doc.files.map((f, i) => ({
    id: i === 0 ? doc.domus.documentId : `${doc.domus.documentId}-${i}`,
    label: f.filename,
    files: [{ filename: f.filename, encodingFormat: f.contentType, content: { base64: f.base64 } }],
  }));
  return {
    title: doc.title,
    notification: `Du har fået et brev om din sag ${doc.caseId}.`,
    // Sender, reply setting and message UUID are set by the gateway's policy.
    sender: { id: '00000000', label: '' },
    recipient: { type: 'cpr', cpr: doc.recipient.cpr, ...(doc.recipient.name ? { name: doc.recipient.name } : {}) },
    metadata: {
      caseId: { id: doc.caseId, system: DOMUS_CASE_SYSTEM },
      kle: { subjectKey: doc.kle.subjectKey, version: kleVersion, label: doc.kle.label, ...(doc.domus.kleActivityFacet ? { activityFacet: doc.domus.kleActivityFacet } : {}) },
      cpr: { cprNumber: doc.recipient.cpr.replace('-', ''), ...(doc.recipient.name ? { name: doc.recipient.name } : {}) },
    },
    ...(main ? { mainDocument: main } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

class DomusPlugin implements SenderSystemPlugin {
  readonly id = 'domus';
  readonly label = 'DOMUS-like social services case system (Postbud sample)';
  readonly capabilities = { reply: true, caseIds: true } as const;
  readonly #store: DomusCaseStore;
  readonly #kleVersion: string;

  constructor(store: DomusCaseStore, kleVersion: string) {
    this.#store = store;
    this.#kleVersion = kleVersion;
  }

  toLetter(document: unknown): LetterInput {
    return toLetter(document, this.#kleVersion);
  }

  /** Where an event belongs: the document sent as this letter, else the case named on it. */
  #target(e: { letterId: string; caseId?: string }): { caseId: string; documentId?: string } {
    const doc = this.#store.documentByLetter(e.letterId);
    if (doc) return { caseId: doc.caseId, documentId: doc.id };
    if (e.caseId && this.#store.getCase(e.caseId)) return { caseId: e.caseId };
    // Thrown: the gateway keeps the event and delivers it again later.
    throw new Error(`DOMUS has no case for letter ${e.letterId}.`);
  }

  onReceipt(e: LetterReceiptEvent): void {
    const text = e.outcome === 'accepted' ? `Kvittering: brevet er modtaget af Digital Post (forsendelse ${e.transmissionId ?? 'ukendt'}).` : `Afvist af Digital Post: ${e.reason ?? 'ingen årsag oplyst'}.`;
    this.#store.journal({ ...this.#target(e), kind: 'receipt', actor: 'Postbud', text, eventId: e.eventId, at: new Date(e.occurredAt) });
  }

  onStatus(e: LetterStatusEvent): void {
    const words: Record<LetterStatusEvent['status'], string> = { delivered: 'Leveret i Digital Post', physical: 'Sendt som fysisk brev', read: 'Læst af borgeren', failed: 'Levering fejlede', other: 'Status' };
    const text = `${words[e.status]} (${e.routeStatus})${e.errorText ? `: ${e.errorText}` : ''}.`;
    this.#store.journal({ ...this.#target(e), kind: 'status', actor: 'Postbud', text, eventId: e.eventId, at: new Date(e.occurredAt) });
  }

  onReply(e: LetterReplyEvent): void {
    const body = replyText(e.memoXml);
    this.#store.journal({ ...this.#target(e), kind: 'reply', actor: 'Borger', text: `Svar modtaget: ${e.title}${body ? `\n${body}` : ''}`, eventId: e.eventId, memoXml: e.memoXml, at: new Date(e.occurredAt) });
  }

  close(): void {
    this.#store.close();
  }
}

const createDomusPlugin: SenderSystemPluginFactory = (options) => {
  const database = options['database'];
  if (typeof database !== 'string') throw new PostbudError('CONFIG_INVALID', 'The domus plugin needs pluginOptions.database: the path of the DOMUS SQLite file.');
  // The KLE edition the case system classifies by (MeMo KLEdata/version).
  const kleVersion = typeof options['kleVersion'] === 'string' ? options['kleVersion'] : 'Maj 2018';
  return new DomusPlugin(DomusCaseStore.open(database), kleVersion);
};

export default createDomusPlugin;
