/**
 * Sends the draft as Digital Post: reads the content, posts it with an idempotency key that
 * survives retries and pane restarts, then follows the letter's status for a short while.
 * Nothing is sent twice: a draft whose letter was accepted only shows that letter's status.
 * @module
 */
import { isPostbudError, PostbudError } from '@postbud/sdk';
import type { Letter, LetterRequest, LetterState, LetterWithHistory, Recipient, SenderSystem } from '../../gateway/types.js';
import type { MailboxAdapter } from '../../office/MailboxAdapter.js';
import type { ContentPlan } from '../content/planContent.js';
import { readDocuments } from '../content/readDocuments.js';
import type { DraftState } from '../draft/DraftState.js';
import type { DraftStore } from '../draft/DraftStore.js';
import { buildLetterRequest } from './buildLetterRequest.js';

export interface LetterSender {
  sendLetter(letter: LetterRequest, idempotencyKey: string): Promise<Letter>;
  letterStatus(id: string): Promise<LetterWithHistory>;
}

export type SendProgress =
  | { readonly step: 'reading'; readonly done: number; readonly total: number }
  | { readonly step: 'sending' }
  | { readonly step: 'waiting'; readonly letter: Letter };

export interface SendLetterDeps {
  readonly gateway: LetterSender;
  readonly mailbox: Pick<MailboxAdapter, 'getBodyHtml' | 'getAttachmentContent'>;
  readonly drafts: DraftStore;
  readonly newKey?: () => string;
  readonly sleep?: (ms: number) => Promise<void>;
  /** How often and how long to follow the status after acceptance. */
  readonly pollIntervalMs?: number;
  readonly maxPolls?: number;
}

export interface SendLetterInput {
  readonly draft: DraftState;
  readonly recipient: Recipient;
  readonly sender: SenderSystem;
  readonly plan: ContentPlan;
}

const SETTLED: ReadonlySet<LetterState> = new Set(['sent', 'delivered', 'failed', 'rejected']);

/** Failures that prove the gateway did not take the letter: a new attempt may get a new key. */
function definitelyRefused(error: unknown): boolean {
  return isPostbudError(error) && !error.retryable && ['SEND_REJECTED', 'LETTER_TOO_LARGE', 'RECIPIENT_NOT_REACHABLE', 'HTTP_CLIENT_ERROR', 'AUTH_FAILED'].includes(error.code);
}

async function followStatus(deps: SendLetterDeps, id: string, onProgress: (p: SendProgress) => void): Promise<Letter> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let letter = (await deps.gateway.letterStatus(id)).letter;
  onProgress({ step: 'waiting', letter });
  for (let i = 1; i < (deps.maxPolls ?? 10) && !SETTLED.has(letter.state); i++) {
    await sleep(deps.pollIntervalMs ?? 1000);
    letter = (await deps.gateway.letterStatus(id)).letter;
    onProgress({ step: 'waiting', letter });
  }
  return letter;
}

export async function sendLetter(deps: SendLetterDeps, input: SendLetterInput, onProgress: (p: SendProgress) => void = () => {}): Promise<Letter> {
  let draft = input.draft;
  if (draft.sentLetterId) return followStatus(deps, draft.sentLetterId, onProgress);

  const total = input.plan.documents.length + input.plan.inlineImages.length;
  onProgress({ step: 'reading', done: 0, total });
  const bodyHtml = await deps.mailbox.getBodyHtml();
  const attachments = await readDocuments(deps.mailbox, input.plan.documents, (done) => onProgress({ step: 'reading', done, total }));
  const inlineImages = await readDocuments(deps.mailbox, input.plan.inlineImages,
    (done) => onProgress({ step: 'reading', done: input.plan.documents.length + done, total }));
  const letter = buildLetterRequest({ recipient: input.recipient, sender: input.sender, draft, bodyHtml, attachments, inlineImages });

  // The key is saved before the request leaves, so a crash or a closed pane cannot lose it.
  const key = draft.idempotencyKey ?? (deps.newKey ?? (() => crypto.randomUUID()))();
  draft = { ...draft, idempotencyKey: key };
  await deps.drafts.save(draft);
  onProgress({ step: 'sending' });
  let accepted: Letter;
  try {
    accepted = await deps.gateway.sendLetter(letter, key);
  } catch (error) {
    if (definitelyRefused(error)) {
      const { idempotencyKey: _dropped, ...rest } = draft;
      await deps.drafts.save(rest);
    }
    throw error;
  }
  await deps.drafts.save({ ...draft, sentLetterId: accepted.id });
  const final = await followStatus(deps, accepted.id, onProgress);
  if (final.state === 'failed' || final.state === 'rejected') {
    // The letter definitely did not go out: the draft may be corrected and sent as a new letter.
    const { idempotencyKey: _k, sentLetterId: _s, ...rest } = draft;
    await deps.drafts.save(rest);
    throw new PostbudError('SEND_REJECTED', `The gateway could not send letter ${final.id}${final.lastError ? `: ${final.lastError}` : '.'}`, {
      details: { letterId: final.id, state: final.state, ...(final.lastError ? { gatewayMessage: final.lastError } : {}) },
    });
  }
  return final;
}
