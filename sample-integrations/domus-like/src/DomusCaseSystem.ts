/**
 * The caseworker's side of the DOMUS-like case system: write a letter on a case and send it
 * through the gateway. Reply is on by default (the municipality's policy); a caseworker who
 * turns it off must say why, and that decision is filed on the case with time and name.
 * @module
 */
import { maskCprInText } from '@postbud/sdk';
import type { GatewayClient } from '../../shared/src/GatewayClient.js';
import { GatewayError } from '../../shared/src/GatewayClient.js';
import { letterPdf } from '../../shared/src/letterPdf.js';
import type { DomusCaseStore, DomusDocument } from './DomusCaseStore.js';
import type { DomusLetterDocument } from './DomusLetterDocument.js';

export interface WriteLetterInput {
  readonly caseId: string;
  readonly title: string;
  readonly lines: readonly string[];
  /** Omit to keep the default (reply on). To turn reply off, give the reason. */
  readonly replyOff?: { readonly reason: string };
}

export type SendOutcome =
  | { readonly ok: true; readonly document: DomusDocument; readonly letterId: string; readonly replyEnabled: boolean }
  | { readonly ok: false; readonly document?: DomusDocument; readonly error: string };

export class DomusCaseSystem {
  constructor(
    private readonly store: DomusCaseStore,
    private readonly gateway: GatewayClient,
    /** The sender system id in the gateway configuration. */
    private readonly senderSystemId = 'domus',
  ) {}

  async writeAndSend(input: WriteLetterInput, caseworker: string, now = new Date()): Promise<SendOutcome> {
    const c = this.store.getCase(input.caseId);
    if (c === undefined) return { ok: false, error: `Sagen ${input.caseId} findes ikke.` };
    if (input.replyOff !== undefined && input.replyOff.reason.trim().length < 5) {
      return { ok: false, error: 'Skriv hvorfor borgeren ikke må svare på brevet (mindst 5 tegn), før svarmuligheden slås fra.' };
    }
    const replyEnabled = input.replyOff === undefined;
    const pdf = await letterPdf({ title: input.title, lines: input.lines });
    const doc = this.store.addDocument(c.id, input.title, pdf, replyEnabled, now);
    if (!replyEnabled) {
      this.store.journal({ caseId: c.id, documentId: doc.id, kind: 'reply-off', actor: caseworker, at: now, text: `Svarmulighed slået fra for "${input.title}": ${input.replyOff?.reason ?? ''}` });
    }
    return this.send(doc, caseworker);
  }

  /** Sends (or re-sends after a crash) a document; the document id is the idempotency key. */
  async send(doc: DomusDocument, caseworker: string): Promise<SendOutcome> {
    const c = this.store.getCase(doc.caseId);
    if (c === undefined) return { ok: false, document: doc, error: `Sagen ${doc.caseId} findes ikke.` };
    const body: DomusLetterDocument = {
      senderSystem: this.senderSystemId,
      recipient: { type: 'cpr', cpr: c.citizen.cpr, name: c.citizen.name },
      title: doc.title, caseId: c.id, kle: { subjectKey: c.kle.subjectKey, label: c.kle.label },
      reply: { enabled: doc.replyEnabled },
      files: [{ filename: `${doc.id}.pdf`, contentType: 'application/pdf', base64: Buffer.from(this.store.documentPdf(doc.id)).toString('base64') }],
      domus: { documentId: doc.id, ...(c.kle.activityFacet ? { kleActivityFacet: c.kle.activityFacet } : {}) },
    };
    try {
      const { letter } = await this.gateway.sendLetter(body as unknown as Record<string, unknown>, `domus:${doc.id}`);
      this.store.markSent(doc.id, letter.id);
      this.store.journal({
        caseId: c.id, documentId: doc.id, kind: 'letter-sent', actor: caseworker, eventId: `sent:${letter.id}`,
        text: `Brev "${doc.title}" sendt til ${c.citizen.name} via Digital Post (${letter.replyEnabled ? `kan besvares${letter.replyBy ? ` til ${letter.replyBy.slice(0, 10)}` : ''}` : 'kan ikke besvares'}).`,
      });
      return { ok: true, document: { ...doc, letterId: letter.id, state: 'sent' }, letterId: letter.id, replyEnabled: letter.replyEnabled };
    } catch (error) {
      const message = error instanceof GatewayError ? `${error.message} (${error.code})` : String(error);
      this.store.markFailed(doc.id);
      this.store.journal({ caseId: c.id, documentId: doc.id, kind: 'send-failed', actor: 'Postbud', text: `Brevet blev ikke sendt: ${maskCprInText(message)}` });
      return { ok: false, document: doc, error: maskCprInText(message) };
    }
  }
}
