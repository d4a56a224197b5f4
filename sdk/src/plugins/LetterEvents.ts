/**
 * Events the gateway hands back to the sender system that sent a letter.
 * Every event names the letter by the gateway's letter id and the MeMo `messageUUID`,
 * and carries the case id the letter was sent with, so the system can file it.
 * @module
 */

/** Fields common to every event about a letter. @public */
export interface LetterEventBase {
  /** Unique per event: use it to make the callback idempotent. */
  readonly eventId: string;
  readonly letterId: string;
  readonly messageUUID: string;
  readonly senderSystemId: string;
  /** `ContentData/CaseID/CaseID` of the letter, when it had one. */
  readonly caseId?: string;
  /** ISO 8601 UTC. */
  readonly occurredAt: string;
}

/** The route's answer to the send. @public */
export interface LetterReceiptEvent extends LetterEventBase {
  readonly kind: 'receipt';
  readonly outcome: 'accepted' | 'rejected';
  /** The route's transmission id (SF1601 TransmissionID / NgDP transmissionId). */
  readonly transmissionId?: string;
  /** Plain-words reason when rejected. */
  readonly reason?: string;
}

/** The normalised delivery states of a letter. @public */
export type LetterDeliveryStatus = 'delivered' | 'failed' | 'read' | 'physical' | 'other';

/** A later status event (Beskedfordeler PKO_PostStatus, NgDP receipt). @public */
export interface LetterStatusEvent extends LetterEventBase {
  readonly kind: 'status';
  readonly status: LetterDeliveryStatus;
  /** The route's own status text, e.g. `Afleveret Digital Post`, `Fejlet`. */
  readonly routeStatus: string;
  readonly errorCode?: string;
  readonly errorText?: string;
}

/** A reply correlated to the letter. @public */
export interface LetterReplyEvent extends LetterEventBase {
  readonly kind: 'reply';
  readonly replyId: string;
  /** The reply's own MeMo messageUUID. */
  readonly replyMessageUUID: string;
  readonly title: string;
  /** The contact point the reply was addressed to. */
  readonly contactPointId?: string;
  /** The reply as MeMo XML (contains personal data: file it, never log it). */
  readonly memoXml: string;
}

/** @public */
export type LetterEvent = LetterReceiptEvent | LetterStatusEvent | LetterReplyEvent;
