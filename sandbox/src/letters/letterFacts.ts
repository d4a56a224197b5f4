/**
 * The facts of a parsed MeMo the sandbox stores next to it (for listing, routing and replies).
 * @module
 */
import type { MemoMessage } from '@postbud/sdk';

export interface LetterFacts {
  readonly messageUuid: string;
  readonly messageId: string | null;
  readonly messageType: string;
  readonly memoVersion: string;
  readonly senderId: string;
  readonly senderLabel: string | null;
  readonly recipientId: string;
  readonly recipientLabel: string | null;
  readonly pNumber: string | null;
  readonly title: string;
  readonly reply: boolean;
  readonly replyBy: string | null;
  readonly contactPointId: string | null;
  readonly doNotDeliverUntilDate: string | null;
}

export function letterFacts(m: MemoMessage): LetterFacts {
  const h = m.MessageHeader;
  return {
    messageUuid: h.messageUUID,
    messageId: h.messageID ?? null,
    messageType: h.messageType,
    memoVersion: m.memoVersion,
    senderId: h.Sender.senderID,
    senderLabel: h.Sender.label ?? null,
    recipientId: h.Recipient.recipientID,
    recipientLabel: h.Recipient.label ?? null,
    pNumber: h.Recipient.AttentionData?.ProductionUnit?.productionUnitNumber ?? null,
    title: h.label,
    reply: h.reply === true,
    replyBy: h.replyByDateTime ?? null,
    contactPointId: h.Sender.ContactPoint?.contactPointID ?? null,
    doNotDeliverUntilDate: h.doNotDeliverUntilDate ?? null,
  };
}

/** Best-effort message UUID of a MeMo that could not be parsed (for the failed status event). */
export function sniffMessageUuid(xml: string): string | null {
  return /<(?:[\w-]+:)?messageUUID>\s*([0-9a-fA-F-]{36})\s*</.exec(xml.slice(0, 20000))?.[1] ?? null;
}
