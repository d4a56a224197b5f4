/**
 * The rows the ledger keeps: letters (from acceptance to final status), their events,
 * replies, and the append-only audit trail.
 * @module
 */

/**
 * Life of a letter. `accepted` = in the outbox; `sending` = claimed by a worker under a lease;
 * `sent` = the route accepted it; `delivered` / `failed` / `rejected` are final.
 */
export type LetterState = 'accepted' | 'sending' | 'sent' | 'delivered' | 'failed' | 'rejected';
export const FINAL_STATES: readonly LetterState[] = ['delivered', 'failed', 'rejected'];

/** Where the letter went (known once the route accepted it). */
export type LetterChannel = 'digital' | 'physical' | 'nemsms';
/** What the gateway knew about the recipient at intake. */
export type Reachability = 'digital' | 'physical' | 'unreachable';

export interface NewLetter {
  /** The letter id = the MeMo messageUUID fixed at acceptance: the idempotency key of every send. */
  readonly id: string;
  readonly senderSystem: string;
  readonly caseworker: string;
  /** `cpr:010190-****`, `cvr:13748136`, `cvr:13748136/p:1234567890`: never a CPR in clear. */
  readonly recipientMasked: string;
  readonly title: string;
  readonly caseId?: string;
  readonly contactPointId?: string;
  readonly replyEnabled: boolean;
  readonly replyBy?: string;
  /** The caseworker switched off a reply option that was on by default (caseworker-choice). */
  readonly replyTurnedOff?: boolean;
  /** Why, in the caseworker's words (audit trail and replyability report). */
  readonly replyOffReason?: string;
  /** Reachability at intake; absent when the lookup could not be made then. */
  readonly reachability?: Reachability;
  /** The caller's Idempotency-Key header, unique per caseworker. */
  readonly clientKey?: string;
  /** The letter to send, as JSON (a `LetterInput` with base64 content). Deleted at final state. */
  readonly payload: string;
  /** ISO 8601 UTC. */
  readonly acceptedAt: string;
}

export interface LetterRecord extends Omit<NewLetter, 'payload' | 'clientKey'> {
  readonly state: LetterState;
  readonly channel?: LetterChannel;
  readonly attempts: number;
  readonly transmissionId?: string;
  readonly lastError?: string;
  readonly sentAt?: string;
  readonly finalAt?: string;
}

export interface ClaimedLetter {
  readonly record: LetterRecord;
  readonly payload: string;
}

export interface LetterEventRecord {
  readonly eventId: string;
  readonly letterId: string;
  readonly kind: 'state' | 'receipt' | 'status' | 'reply';
  readonly state?: LetterState;
  readonly occurredAt: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface NewReply {
  /** The route's id of the inbound memo (dedupe key: fetched twice → stored once). */
  readonly replyId: string;
  readonly replyMessageUUID: string;
  /** `ReplyData/messageUUID` (the original letter), when present. */
  readonly inReplyTo?: string;
  readonly caseId?: string;
  readonly contactPointId?: string;
  readonly title: string;
  readonly receivedAt: string;
  readonly memoXml: string;
}

export interface ReplyRecord extends Omit<NewReply, 'memoXml'> {
  readonly letterId?: string;
  /** How the reply was matched: `messageUUID`, `caseId+contactPoint`, or none. */
  readonly correlatedBy?: 'messageUUID' | 'caseId+contactPoint';
  readonly senderSystem?: string;
}

export interface NewStatusEvent {
  /** The route's id for the event (dedupe key). */
  readonly eventId: string;
  readonly messageUUID: string;
  readonly status: 'delivered' | 'failed' | 'read' | 'physical' | 'other';
  readonly routeStatus: string;
  readonly occurredAt: string;
  readonly errorCode?: string;
  readonly errorText?: string;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  /** The caseworker (token subject) or `system`. */
  readonly actor: string;
  readonly action: string;
  readonly letterId?: string;
  readonly senderSystem?: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq'>;

/** An event waiting to be handed to the sender system's plugin. */
export interface PendingDelivery {
  readonly event: LetterEventRecord;
  readonly letter: LetterRecord;
  readonly memoXml?: string;
  readonly replyId?: string;
}

export interface LetterSearch {
  readonly senderSystems?: readonly string[];
  readonly caseworker?: string;
  readonly caseId?: string;
  readonly state?: LetterState;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

export interface ReplyabilityRow {
  readonly senderSystem: string;
  readonly lettersSent: number;
  readonly replyEnabled: number;
  readonly repliesReceived: number;
  /** Median hours from sending to the first reply, when any. */
  readonly medianHoursToReply?: number;
  /** Letters where the caseworker switched off a default-on reply option. */
  readonly replyTurnedOff: number;
  /** Their reasons, most frequent first (`(none given)` when empty). */
  readonly replyOffReasons: readonly { readonly reason: string; readonly count: number }[];
  /** Letters sent as physical post. */
  readonly physical: number;
}
