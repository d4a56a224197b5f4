/**
 * Row types of the sandbox store (camelCase views of the SQLite rows).
 * @module
 */

export type LetterRoute = 'sf1601' | 'ngdp';
export type LetterChannel = 'digital' | 'physical' | 'nemsms';
/** `refused` = rejected synchronously; `failed` = accepted, then failed asynchronously. */
export type LetterStatus = 'accepted' | 'delivered' | 'printed' | 'failed' | 'refused';

export interface LetterRecord {
  readonly id: string;
  readonly messageUuid: string | null;
  readonly messageId: string | null;
  readonly route: LetterRoute;
  readonly kombiCode: string | null;
  readonly channel: LetterChannel;
  readonly memoVersion: string | null;
  readonly senderId: string | null;
  readonly senderLabel: string | null;
  readonly recipientId: string | null;
  readonly recipientLabel: string | null;
  readonly pNumber: string | null;
  readonly title: string | null;
  readonly reply: boolean;
  readonly replyBy: string | null;
  readonly contactPointId: string | null;
  readonly status: LetterStatus;
  readonly failCode: string | null;
  readonly failText: string | null;
  readonly memoXml: string | null;
  readonly forsendelseXml: string | null;
  readonly printPdfBase64: string | null;
  readonly responseStatus: number | null;
  readonly responseType: string | null;
  readonly responseBody: string | null;
  readonly transactionId: string | null;
  readonly systemId: string | null;
  /** The authority the letter is sent for (STS AnvenderKontekst, or the NgDP system's organisation). */
  readonly authorityCvr: string | null;
  readonly deliverAfter: number | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly readAt: string | null;
}

/** The columns that hold a letter's content (MeMo, print data, stored answer): large, and not needed to deliver it. */
export const LETTER_CONTENT_FIELDS = ['memoXml', 'forsendelseXml', 'printPdfBase64', 'responseBody'] as const;

/** A letter without its content: what delivery, status messages and receipts need. */
export type LetterSummary = Omit<LetterRecord, (typeof LETTER_CONTENT_FIELDS)[number]>;

export type EventKind = 'accepted' | 'delivered' | 'printed' | 'failed' | 'read';

export interface EventRecord {
  readonly seq: number;
  readonly id: string;
  readonly letterId: string | null;
  readonly messageUuid: string | null;
  readonly kind: EventKind;
  readonly statusCode: string | null;
  readonly authorityCvr: string | null;
  readonly xml: string | null;
  readonly createdAt: string;
  readonly acked: boolean;
  readonly pushState: 'none' | 'pending' | 'pushed' | 'failed';
  readonly pushAttempts: number;
  readonly pushError: string | null;
}

export interface ReceiptRecord {
  readonly seq: number;
  readonly id: string;
  readonly letterId: string;
  readonly systemId: string | null;
  readonly json: string;
  readonly createdAt: string;
  readonly deleted: boolean;
}

export interface InboundRecord {
  readonly seq: number;
  readonly id: string;
  readonly systemId: string;
  readonly authorityCvr: string;
  readonly contactPointId: string;
  readonly originalLetterId: string | null;
  readonly senderId: string;
  readonly title: string | null;
  readonly memoXml: string;
  readonly createdAt: string;
  readonly fetchedAt: string | null;
  readonly businessReceipt: string | null;
  readonly deleted: boolean;
}

export interface TokenRecord {
  readonly token: string;
  readonly kind: 'saml' | 'access';
  readonly entityId: string;
  readonly cvr: string;
  readonly certFingerprint: string | null;
  readonly expiresAt: number;
  readonly revoked: boolean;
}
