/**
 * Assembles the gateway's letter request from the pane's choices and the read content.
 * @module
 */
import type { InlineImage, LetterFile, LetterRequest, Recipient, ReplyChoice, SenderSystem } from '../../gateway/types.js';
import type { ReadDocument } from '../content/readDocuments.js';
import type { DraftState } from '../draft/DraftState.js';
import { asksOffReason, replyByDateTime, replyOption } from '../sender/replyOption.js';

export interface LetterParts {
  readonly recipient: Recipient;
  readonly sender: SenderSystem;
  readonly draft: DraftState;
  readonly bodyHtml: string;
  readonly attachments: readonly ReadDocument[];
  readonly inlineImages: readonly ReadDocument[];
}

/** The longest reason the pane sends (the gateway stores it in its audit trail). */
export const MAX_OFF_REASON_LENGTH = 500;

function replyChoice(sender: SenderSystem, draft: DraftState): ReplyChoice {
  const on = replyOption(sender.reply, draft.replyChosen).on;
  const reason = draft.replyOffReason.trim().slice(0, MAX_OFF_REASON_LENGTH);
  return {
    enabled: on,
    ...(on && draft.replyBy ? { replyBy: replyByDateTime(draft.replyBy) } : {}),
    ...(asksOffReason(sender.reply, on) && reason ? { offReason: reason } : {}),
  };
}

export function buildLetterRequest(parts: LetterParts): LetterRequest {
  const { draft, sender } = parts;
  const contactPointId = sender.contactPoints.some((c) => c.id === draft.contactPointId) ? draft.contactPointId : sender.contactPoints[0]?.id;
  const files: LetterFile[] = parts.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, base64: a.base64 }));
  const inlineImages: InlineImage[] = parts.inlineImages.flatMap((i) =>
    i.contentId ? [{ contentId: i.contentId, filename: i.filename, contentType: i.contentType, base64: i.base64 }] : []);
  return {
    senderSystem: sender.id,
    recipient: parts.recipient,
    title: draft.title.trim(),
    ...(draft.caseId.trim() ? { caseId: draft.caseId.trim() } : {}),
    ...(draft.kle.trim() ? { kle: draft.kle.trim() } : {}),
    reply: replyChoice(sender, draft),
    ...(contactPointId ? { contactPointId } : {}),
    body: { html: parts.bodyHtml },
    files,
    inlineImages,
  };
}
