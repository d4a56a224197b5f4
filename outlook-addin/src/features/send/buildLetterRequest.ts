/**
 * Assembles the gateway's letter request from the pane's choices and the read content.
 * @module
 */
import type { LetterDocument, LetterRequest, RecipientId, SenderSystem } from '../../gateway/types.js';
import type { DraftState } from '../draft/DraftState.js';
import { replyOption } from '../sender/replyOption.js';

export interface LetterParts {
  readonly recipient: RecipientId;
  readonly sender: SenderSystem;
  readonly draft: DraftState;
  readonly bodyHtml: string;
  readonly attachments: readonly LetterDocument[];
  readonly inlineImages: readonly LetterDocument[];
}

export function buildLetterRequest(parts: LetterParts): LetterRequest {
  const { draft, sender } = parts;
  const reply = replyOption(sender.reply, draft.replyChosen);
  const contactPointId = sender.contactPoints.some((c) => c.id === draft.contactPointId)
    ? draft.contactPointId
    : (sender.contactPoints[0]?.id ?? '');
  return {
    senderSystemId: sender.id,
    contactPointId,
    recipient: parts.recipient,
    title: draft.title.trim(),
    ...(draft.caseId.trim() ? { caseId: draft.caseId.trim() } : {}),
    ...(draft.kle.trim() ? { kle: draft.kle.trim() } : {}),
    reply: { allowed: reply.on, ...(reply.on && draft.replyBy ? { replyBy: draft.replyBy } : {}) },
    body: { html: parts.bodyHtml },
    attachments: parts.attachments,
    inlineImages: parts.inlineImages,
  };
}
