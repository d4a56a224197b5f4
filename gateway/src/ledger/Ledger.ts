/**
 * The storage interface behind the gateway. Asynchronous so that a PostgreSQL implementation
 * (several gateway instances sharing one database) can follow the embedded SQLite one.
 *
 * Invariants every implementation keeps:
 * - `acceptLetter` writes the letter, its first event and the audit entry in one transaction.
 * - `claimOutbox` hands a letter to at most one worker at a time (a lease); a letter whose
 *   lease expired (its worker crashed) is claimable again.
 * - Status events and replies are stored at most once per route id, so fetching again after
 *   a crash (before the route was acknowledged) never duplicates them.
 * - The audit trail is append-only.
 * @module
 */
import type {
  AuditEntry,
  ClaimedLetter,
  LetterChannel,
  LetterEventRecord,
  LetterRecord,
  LetterSearch,
  NewAuditEntry,
  NewLetter,
  NewReply,
  NewStatusEvent,
  PendingDelivery,
  ReplyabilityRow,
  ReplyRecord,
} from './records.js';

export interface OutboxClaim {
  readonly owner: string;
  /** @unit milliseconds */
  readonly leaseMs: number;
  readonly limit: number;
  readonly now: Date;
}

export interface SendOutcome {
  readonly owner: string;
  readonly at: Date;
}

export interface Ledger {
  /** Stores an accepted letter. Returns the existing letter when `clientKey` was used before. */
  acceptLetter(letter: NewLetter, audit: NewAuditEntry): Promise<{ readonly letter: LetterRecord; readonly created: boolean }>;
  getLetter(id: string): Promise<LetterRecord | undefined>;
  /** The letter a caller stored with this Idempotency-Key, if any. */
  letterByClientKey(caseworker: string, clientKey: string): Promise<LetterRecord | undefined>;
  searchLetters(search: LetterSearch): Promise<readonly LetterRecord[]>;
  letterEvents(letterId: string): Promise<readonly LetterEventRecord[]>;

  claimOutbox(claim: OutboxClaim): Promise<readonly ClaimedLetter[]>;
  /** The route accepted the letter. Ignored unless `owner` still holds the lease. */
  markSent(id: string, outcome: SendOutcome & { readonly transmissionId?: string; readonly channel?: LetterChannel }): Promise<boolean>;
  /** A failed attempt: retry at `retryAt`, or final `rejected` when `retryAt` is absent. */
  markSendFailed(id: string, outcome: SendOutcome & { readonly error: string; readonly retryAt?: Date }): Promise<boolean>;

  /** Correlates by messageUUID; returns false when no letter matches (kept for later). */
  recordStatus(event: NewStatusEvent): Promise<boolean>;
  /** Stores and correlates a reply; returns it (existing one when already stored). */
  recordReply(reply: NewReply): Promise<ReplyRecord>;
  listReplies(filter: { readonly letterId?: string; readonly senderSystems?: readonly string[]; readonly limit?: number }): Promise<readonly ReplyRecord[]>;

  pendingDeliveries(limit: number): Promise<readonly PendingDelivery[]>;
  markDelivered(eventId: string, at: Date): Promise<void>;

  appendAudit(entry: NewAuditEntry): Promise<void>;
  listAudit(filter: { readonly letterId?: string; readonly limit?: number }): Promise<readonly AuditEntry[]>;

  replyability(period: { readonly from: string; readonly to: string }): Promise<readonly ReplyabilityRow[]>;
  /** Liveness of the store, for readiness. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
