/**
 * The embedded ledger: one SQLite file in WAL mode, migrations on open, every multi-row change
 * in a transaction. An acknowledged write survives power loss: it is answered only after the
 * WAL holding it is synced (as with synchronous=FULL; see {@link SqliteLedger.open}).
 * Writes are group-committed ({@link GroupCommit}): concurrent writes share one transaction
 * and one fsync, and each is answered only after that commit. A letter's content lives in
 * `letter_payloads`, apart from its row, so the outbox's state changes rewrite a few hundred
 * bytes, not the whole letter (SQLite rewrites a row in full on every UPDATE).
 * @module
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Ledger, OutboxClaim, SendOutcome } from './Ledger.js';
import type {
  AuditEntry, ClaimedLetter, LetterChannel, LetterEventRecord, LetterRecord, LetterSearch, LetterState, NewAuditEntry,
  NewLetter, NewReply, NewStatusEvent, PendingDelivery, ReplyabilityRow, ReplyRecord,
} from './records.js';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.js';
import { toAuditEntry, toEventRecord, toLetterRecord, toReplyRecord } from './sqliteRows.js';
import type { Row } from './sqliteRows.js';
import { computeReplyability } from './computeReplyability.js';
import { GroupCommit } from './GroupCommit.js';
import { WalCheckpointer } from './WalCheckpointer.js';
import { WalSync } from './WalSync.js';

export interface SqliteLedgerOptions {
  /** A background checkpoint failed (it is retried); default: written to stderr. */
  readonly onBackgroundError?: (message: string) => void;
  /** How often the worker thread checkpoints the WAL. @default 100 @unit milliseconds */
  readonly checkpointIntervalMs?: number;
}

interface WalParts {
  readonly sync: WalSync;
  readonly checkpointer: WalCheckpointer;
}

/** Pages in the WAL before the ledger's own connection checkpoints (normally the worker has long done it). */
const SAFETY_CHECKPOINT_PAGES = 20_000;

const STATUS_TO_STATE: Readonly<Record<NewStatusEvent['status'], LetterState | undefined>> = {
  delivered: 'delivered', read: 'delivered', physical: 'delivered', failed: 'failed', other: undefined,
};

export class SqliteLedger implements Ledger {
  readonly #db: Database.Database;
  readonly #writes: GroupCommit;
  readonly #wal: WalParts | undefined;
  /** Prepared once per SQL text: preparing costs more than running most of these statements. */
  readonly #statements = new Map<string, Database.Statement>();

  private constructor(db: Database.Database, wal: WalParts | undefined) {
    this.#db = db;
    this.#wal = wal;
    this.#writes = new GroupCommit(db, wal ? { sync: () => wal.sync.sync() } : {});
  }

  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Opens (creating when needed) the ledger file and applies pending migrations. A file
   * ledger then commits with synchronous=NORMAL and answers each write after an fdatasync of
   * the WAL off the event loop ({@link WalSync}), with checkpoints in a worker thread
   * ({@link WalCheckpointer}): as durable as synchronous=FULL, without blocking on the disk.
   */
  static open(file: string, options: SqliteLedgerOptions = {}): SqliteLedger {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => Number(r['version'])));
    SQLITE_MIGRATIONS.forEach((sql, i) => {
      if (done.has(i + 1)) return;
      db.transaction(() => {
        db.exec(sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(i + 1, new Date().toISOString());
      })();
    });
    if (file === ':memory:') return new SqliteLedger(db, undefined);
    db.pragma('synchronous = NORMAL');
    db.pragma(`wal_autocheckpoint = ${SAFETY_CHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    const onError = options.onBackgroundError ?? ((m: string) => process.stderr.write(`postbud ledger: background checkpoint failed: ${m}\n`));
    return new SqliteLedger(db, { sync: new WalSync(`${file}-wal`), checkpointer: new WalCheckpointer(file, options.checkpointIntervalMs ?? 100, onError) });
  }

  async acceptLetter(l: NewLetter, audit: NewAuditEntry): Promise<{ letter: LetterRecord; created: boolean }> {
    return this.#writes.run(() => {
      if (l.clientKey !== undefined) {
        const existing = this.#sql('SELECT * FROM letters WHERE caseworker = ? AND client_key = ?').get(l.caseworker, l.clientKey) as Row | undefined;
        if (existing !== undefined) return { letter: toLetterRecord(existing), created: false };
      }
      this.#sql(
        `INSERT INTO letters (id, sender_system, caseworker, recipient_masked, title, case_id, contact_point_id, reply_enabled,
           reply_by, client_key, accepted_at, state, next_attempt_at, reachability, reply_turned_off, reply_off_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?)`,
      ).run(l.id, l.senderSystem, l.caseworker, l.recipientMasked, l.title, l.caseId ?? null, l.contactPointId ?? null,
        l.replyEnabled ? 1 : 0, l.replyBy ?? null, l.clientKey ?? null, l.acceptedAt, l.acceptedAt,
        l.reachability ?? null, l.replyTurnedOff ? 1 : 0, l.replyOffReason ?? null);
      this.#sql('INSERT INTO letter_payloads (letter_id, payload) VALUES (?, ?)').run(l.id, l.payload);
      this.#event(l.id, 'state', 'accepted', l.acceptedAt, {}, false);
      this.#audit(audit);
      return { letter: toLetterRecord(this.#row(l.id)), created: true };
    });
  }

  async letterByClientKey(caseworker: string, clientKey: string): Promise<LetterRecord | undefined> {
    const row = this.#sql('SELECT * FROM letters WHERE caseworker = ? AND client_key = ?').get(caseworker, clientKey) as Row | undefined;
    return row === undefined ? undefined : toLetterRecord(row);
  }

  async getLetter(id: string): Promise<LetterRecord | undefined> {
    const row = this.#sql('SELECT * FROM letters WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? undefined : toLetterRecord(row);
  }

  async searchLetters(s: LetterSearch): Promise<readonly LetterRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (s.senderSystems !== undefined) {
      where.push(`sender_system IN (${s.senderSystems.map(() => '?').join(',') || "''"})`);
      args.push(...s.senderSystems);
    }
    for (const [col, op, value] of [['caseworker', '=', s.caseworker], ['case_id', '=', s.caseId], ['state', '=', s.state], ['accepted_at', '>=', s.from], ['accepted_at', '<', s.to]] as const) {
      if (value !== undefined) {
        where.push(`${col} ${op} ?`);
        args.push(value);
      }
    }
    const sql = `SELECT * FROM letters ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY accepted_at DESC LIMIT ?`;
    return (this.#sql(sql).all(...args, Math.min(s.limit ?? 100, 1000)) as Row[]).map(toLetterRecord);
  }

  async letterEvents(letterId: string): Promise<readonly LetterEventRecord[]> {
    return (this.#sql('SELECT * FROM letter_events WHERE letter_id = ? ORDER BY seq').all(letterId) as Row[]).map(toEventRecord);
  }

  async claimOutbox(c: OutboxClaim): Promise<readonly ClaimedLetter[]> {
    const now = c.now.toISOString();
    const until = new Date(c.now.getTime() + c.leaseMs).toISOString();
    return this.#writes.run(() => {
      // One statement: select-and-lease is atomic, so two workers never claim the same letter.
      // Due first (next_attempt_at: acceptance, or the retry time), read in the outbox index's order.
      const rows = this.#sql(
        `UPDATE letters SET state = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1
         WHERE id IN (SELECT id FROM letters WHERE state IN ('accepted', 'sending') AND next_attempt_at <= ?
                      AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT ?)
         RETURNING *`,
      ).all(c.owner, until, now, now, c.limit) as Row[];
      const payload = this.#sql('SELECT payload FROM letter_payloads WHERE letter_id = ?');
      return rows.map((r) => ({ record: toLetterRecord(r), payload: String((payload.get(r['id']) as Row | undefined)?.['payload']) }));
    });
  }

  async markSent(id: string, o: SendOutcome & { transmissionId?: string; channel?: LetterChannel }): Promise<boolean> {
    return this.#writes.run(() => {
      const at = o.at.toISOString();
      const changed = this.#sql(
        `UPDATE letters SET state = 'sent', sent_at = ?, transmission_id = ?, channel = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL
         WHERE id = ? AND state = 'sending' AND lease_owner = ?`,
      ).run(at, o.transmissionId ?? null, o.channel ?? null, id, o.owner).changes;
      if (changed === 0) return false;
      this.#event(id, 'receipt', 'sent', at, { outcome: 'accepted', ...(o.transmissionId ? { transmissionId: o.transmissionId } : {}), ...(o.channel ? { channel: o.channel } : {}) }, true);
      this.#stateAudit(id, 'sent', at, { transmissionId: o.transmissionId, channel: o.channel });
      return true;
    });
  }

  async markSendFailed(id: string, o: SendOutcome & { error: string; retryAt?: Date }): Promise<boolean> {
    return this.#writes.run(() => {
      const at = o.at.toISOString();
      const final = o.retryAt === undefined;
      const changed = this.#sql(
        `UPDATE letters SET state = ?, last_error = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, final_at = ?
         WHERE id = ? AND state = 'sending' AND lease_owner = ?`,
      ).run(final ? 'rejected' : 'accepted', o.error, (o.retryAt ?? o.at).toISOString(), final ? at : null, id, o.owner).changes;
      if (changed === 0) return false;
      if (final) {
        this.#dropPayload(id);
        this.#event(id, 'receipt', 'rejected', at, { outcome: 'rejected', reason: o.error }, true);
        this.#stateAudit(id, 'rejected', at, { reason: o.error });
      }
      return true;
    });
  }

  async recordStatus(e: NewStatusEvent): Promise<boolean> {
    return this.#writes.run(() => {
      const row = this.#sql('SELECT * FROM letters WHERE id = ?').get(e.messageUUID) as Row | undefined;
      const detail = { status: e.status, routeStatus: e.routeStatus, errorCode: e.errorCode, errorText: e.errorText };
      if (row === undefined) {
        this.#sql('INSERT OR IGNORE INTO unmatched_status VALUES (?, ?, ?, ?)').run(e.eventId, e.messageUUID, JSON.stringify(detail), e.occurredAt);
        return false;
      }
      const current = String(row['state']) as LetterState;
      const next = STATUS_TO_STATE[e.status];
      const isFinal = current === 'delivered' || current === 'failed' || current === 'rejected';
      const state = next !== undefined && !isFinal ? next : undefined;
      const inserted = this.#event(e.messageUUID, 'status', state, e.occurredAt, detail, true, e.eventId);
      if (inserted && state !== undefined) {
        this.#sql(`UPDATE letters SET state = ?, final_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?`)
          .run(state, e.occurredAt, e.messageUUID);
        this.#dropPayload(e.messageUUID);
        this.#stateAudit(e.messageUUID, state, e.occurredAt, { routeStatus: e.routeStatus });
      }
      return true;
    });
  }

  async recordReply(r: NewReply): Promise<ReplyRecord> {
    return this.#writes.run(() => {
      const existing = this.#reply(r.replyId);
      if (existing !== undefined) return existing;
      const match = this.#correlate(r);
      this.#sql(
        `INSERT INTO replies (reply_id, reply_message_uuid, in_reply_to, case_id, contact_point_id, title, received_at, memo_xml, letter_id, correlated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(r.replyId, r.replyMessageUUID, r.inReplyTo ?? null, r.caseId ?? null, r.contactPointId ?? null, r.title, r.receivedAt, r.memoXml,
        match?.letterId ?? null, match?.by ?? null);
      if (match !== undefined) {
        this.#event(match.letterId, 'reply', undefined, r.receivedAt, { replyId: r.replyId, replyMessageUUID: r.replyMessageUUID, title: r.title, correlatedBy: match.by }, true, `reply:${r.replyId}`);
        this.#audit({ at: r.receivedAt, actor: 'system', action: 'reply.received', letterId: match.letterId, detail: { replyId: r.replyId, correlatedBy: match.by } });
      } else {
        this.#audit({ at: r.receivedAt, actor: 'system', action: 'reply.unmatched', detail: { replyId: r.replyId } });
      }
      return this.#reply(r.replyId) as ReplyRecord;
    });
  }

  async listReplies(f: { letterId?: string; senderSystems?: readonly string[]; limit?: number }): Promise<readonly ReplyRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.letterId !== undefined) {
      where.push('r.letter_id = ?');
      args.push(f.letterId);
    }
    if (f.senderSystems !== undefined) {
      where.push(`l.sender_system IN (${f.senderSystems.map(() => '?').join(',') || "''"})`);
      args.push(...f.senderSystems);
    }
    const sql = `SELECT r.*, l.sender_system FROM replies r LEFT JOIN letters l ON l.id = r.letter_id
                 ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.received_at DESC LIMIT ?`;
    return (this.#sql(sql).all(...args, Math.min(f.limit ?? 100, 1000)) as Row[]).map(toReplyRecord);
  }

  async pendingDeliveries(limit: number): Promise<readonly PendingDelivery[]> {
    const rows = this.#sql('SELECT * FROM letter_events WHERE deliver = 1 AND delivered_at IS NULL ORDER BY seq LIMIT ?').all(limit) as Row[];
    return rows.map((row) => {
      const event = toEventRecord(row);
      const letter = toLetterRecord(this.#row(event.letterId));
      const replyId = event.kind === 'reply' ? String(event.detail['replyId']) : undefined;
      const xml = replyId === undefined ? undefined : (this.#sql('SELECT memo_xml FROM replies WHERE reply_id = ?').get(replyId) as Row | undefined)?.['memo_xml'];
      return { event, letter, ...(replyId === undefined ? {} : { replyId, memoXml: String(xml) }) };
    });
  }

  async markDelivered(eventId: string, at: Date): Promise<void> {
    await this.#writes.run(() => this.#sql('UPDATE letter_events SET delivered_at = ? WHERE event_id = ?').run(at.toISOString(), eventId));
  }

  async appendAudit(entry: NewAuditEntry): Promise<void> {
    await this.#writes.run(() => this.#audit(entry));
  }

  async listAudit(f: { letterId?: string; limit?: number }): Promise<readonly AuditEntry[]> {
    const rows = f.letterId === undefined
      ? this.#sql('SELECT * FROM audit ORDER BY seq DESC LIMIT ?').all(f.limit ?? 100)
      : this.#sql('SELECT * FROM audit WHERE letter_id = ? ORDER BY seq LIMIT ?').all(f.letterId, f.limit ?? 100);
    return (rows as Row[]).map(toAuditEntry);
  }

  async replyability(p: { from: string; to: string }): Promise<readonly ReplyabilityRow[]> {
    const letters = this.#sql(
      `SELECT l.id, l.sender_system, l.reply_enabled, l.sent_at, l.channel, l.reply_turned_off, l.reply_off_reason, group_concat(r.received_at) AS reply_times
       FROM letters l LEFT JOIN replies r ON r.letter_id = l.id
       WHERE l.sent_at IS NOT NULL AND l.sent_at >= ? AND l.sent_at < ? GROUP BY l.id`,
    ).all(p.from, p.to) as Row[];
    return computeReplyability(letters.map((r) => ({
      senderSystem: String(r['sender_system']),
      replyEnabled: r['reply_enabled'] === 1,
      sentAt: String(r['sent_at']),
      replyTimes: typeof r['reply_times'] === 'string' ? r['reply_times'].split(',') : [],
      physical: r['channel'] === 'physical',
      replyTurnedOff: r['reply_turned_off'] === 1,
      ...(typeof r['reply_off_reason'] === 'string' ? { replyOffReason: r['reply_off_reason'] } : {}),
    })));
  }

  async ping(): Promise<boolean> {
    return (this.#sql('SELECT 1 AS ok').get() as Row)['ok'] === 1;
  }

  /** Waits for queued writes to commit, then closes the file. */
  async close(): Promise<void> {
    await this.#writes.drain();
    await this.#wal?.checkpointer.close();
    await this.#wal?.sync.close();
    if (this.#db.open) this.#db.close();
  }

  /** A final letter keeps no content (personal data): only its row, events and audit remain. */
  #dropPayload(id: string): void {
    this.#sql('DELETE FROM letter_payloads WHERE letter_id = ?').run(id);
  }

  #row(id: string): Row {
    return this.#sql('SELECT * FROM letters WHERE id = ?').get(id) as Row;
  }

  #reply(replyId: string): ReplyRecord | undefined {
    const row = this.#sql('SELECT r.*, l.sender_system FROM replies r LEFT JOIN letters l ON l.id = r.letter_id WHERE r.reply_id = ?').get(replyId) as Row | undefined;
    return row === undefined ? undefined : toReplyRecord(row);
  }

  /** messageUUID first (exact); else the latest reply-enabled letter on the same case and contact point. */
  #correlate(r: NewReply): { letterId: string; by: 'messageUUID' | 'caseId+contactPoint' } | undefined {
    if (r.inReplyTo !== undefined && this.#sql('SELECT 1 FROM letters WHERE id = ?').get(r.inReplyTo) !== undefined) {
      return { letterId: r.inReplyTo, by: 'messageUUID' };
    }
    if (r.caseId === undefined || r.contactPointId === undefined) return undefined;
    const row = this.#sql(
      'SELECT id FROM letters WHERE case_id = ? AND contact_point_id = ? AND reply_enabled = 1 ORDER BY accepted_at DESC LIMIT 1',
    ).get(r.caseId, r.contactPointId) as Row | undefined;
    return row === undefined ? undefined : { letterId: String(row['id']), by: 'caseId+contactPoint' };
  }

  #event(letterId: string, kind: LetterEventRecord['kind'], state: LetterState | undefined, at: string, detail: object, deliver: boolean, eventId: string = randomUUID()): boolean {
    return this.#sql(
      'INSERT OR IGNORE INTO letter_events (event_id, letter_id, kind, state, occurred_at, detail, deliver) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(eventId, letterId, kind, state ?? null, at, JSON.stringify(detail), deliver ? 1 : 0).changes > 0;
  }

  #stateAudit(letterId: string, state: LetterState, at: string, detail: object): void {
    const row = this.#row(letterId);
    this.#audit({ at, actor: 'system', action: `letter.${state}`, letterId, senderSystem: String(row['sender_system']), detail: { ...detail } });
  }

  #audit(e: NewAuditEntry): void {
    this.#sql('INSERT INTO audit (at, actor, action, letter_id, sender_system, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.at, e.actor, e.action, e.letterId ?? null, e.senderSystem ?? null, JSON.stringify(e.detail));
  }
}
