/**
 * Row ⇄ record mapping for the SQLite ledger (snake_case columns, NULL for absent fields).
 * @module
 */
import type { AuditEntry, LetterChannel, LetterEventRecord, LetterRecord, LetterState, Reachability, ReplyRecord } from './records.js';

export type Row = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function optional<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) out[k] = v;
  return out as Partial<T>;
}

export function toLetterRecord(r: Row): LetterRecord {
  return {
    id: String(r['id']),
    senderSystem: String(r['sender_system']),
    caseworker: String(r['caseworker']),
    recipientMasked: String(r['recipient_masked']),
    title: String(r['title']),
    replyEnabled: r['reply_enabled'] === 1,
    acceptedAt: String(r['accepted_at']),
    state: String(r['state']) as LetterState,
    attempts: Number(r['attempts']),
    ...optional({
      caseId: str(r['case_id']),
      contactPointId: str(r['contact_point_id']),
      replyBy: str(r['reply_by']),
      transmissionId: str(r['transmission_id']),
      lastError: str(r['last_error']),
      sentAt: str(r['sent_at']),
      finalAt: str(r['final_at']),
      channel: str(r['channel']) as LetterChannel | undefined,
      reachability: str(r['reachability']) as Reachability | undefined,
      replyOffReason: str(r['reply_off_reason']),
    }),
    ...(r['reply_turned_off'] === 1 ? { replyTurnedOff: true } : {}),
  };
}

export function toEventRecord(r: Row): LetterEventRecord {
  return {
    eventId: String(r['event_id']),
    letterId: String(r['letter_id']),
    kind: String(r['kind']) as LetterEventRecord['kind'],
    occurredAt: String(r['occurred_at']),
    detail: JSON.parse(String(r['detail'])) as Record<string, unknown>,
    ...optional({ state: str(r['state']) as LetterState | undefined }),
  };
}

export function toReplyRecord(r: Row): ReplyRecord {
  return {
    replyId: String(r['reply_id']),
    replyMessageUUID: String(r['reply_message_uuid']),
    title: String(r['title']),
    receivedAt: String(r['received_at']),
    ...optional({
      inReplyTo: str(r['in_reply_to']),
      caseId: str(r['case_id']),
      contactPointId: str(r['contact_point_id']),
      letterId: str(r['letter_id']),
      correlatedBy: str(r['correlated_by']) as ReplyRecord['correlatedBy'],
      senderSystem: str(r['sender_system']),
    }),
  };
}

export function toAuditEntry(r: Row): AuditEntry {
  return {
    seq: Number(r['seq']),
    at: String(r['at']),
    actor: String(r['actor']),
    action: String(r['action']),
    detail: JSON.parse(String(r['detail'])) as Record<string, unknown>,
    ...optional({ letterId: str(r['letter_id']), senderSystem: str(r['sender_system']) }),
  };
}
