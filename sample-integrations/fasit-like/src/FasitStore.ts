/**
 * The Fasit-like system's batch ledger in SQLite. Every row of a batch is planned (with its
 * derived messageUUID) before anything is sent, so a stopped run can resume: rows already
 * sent are skipped, rows in flight are re-sent with the same UUID and the route answers with
 * the original receipt. Replies are filed against the row's case.
 * @module
 */
import { openDatabase, type Db } from '../../shared/src/openDatabase.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS batch_rows (
  batch_id TEXT NOT NULL, row INTEGER NOT NULL, message_uuid TEXT NOT NULL UNIQUE, transaction_id TEXT NOT NULL,
  case_id TEXT, cpr_masked TEXT, title TEXT, state TEXT NOT NULL, channel TEXT, transmission_id TEXT,
  duplicate INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, error TEXT, sent_at TEXT,
  PRIMARY KEY (batch_id, row));
CREATE TABLE IF NOT EXISTS replies (
  reply_id TEXT PRIMARY KEY, message_uuid TEXT, case_id TEXT, title TEXT NOT NULL, received_at TEXT NOT NULL,
  memo_xml TEXT NOT NULL, handled INTEGER NOT NULL DEFAULT 0);
`;

export type RowState = 'pending' | 'sent' | 'failed' | 'invalid';

export interface PlannedRow {
  readonly batchId: string;
  readonly row: number;
  readonly messageUUID: string;
  readonly transactionId: string;
  readonly caseId?: string;
  readonly cprMasked?: string;
  readonly title?: string;
  readonly state: RowState;
  readonly error?: string;
}

export interface StoredRow extends PlannedRow {
  readonly channel?: 'digital' | 'physical';
  readonly transmissionId?: string;
  readonly duplicate: boolean;
  readonly attempts: number;
}

export interface FasitReply {
  readonly replyId: string;
  readonly messageUUID?: string;
  readonly caseId?: string;
  readonly title: string;
  readonly receivedAt: string;
}

interface RowRecord {
  batch_id: string; row: number; message_uuid: string; transaction_id: string; case_id: string | null; cpr_masked: string | null; title: string | null;
  state: RowState; channel: 'digital' | 'physical' | null; transmission_id: string | null; duplicate: number; attempts: number; error: string | null;
}

const toRow = (r: RowRecord): StoredRow => ({
  batchId: r.batch_id, row: r.row, messageUUID: r.message_uuid, transactionId: r.transaction_id, state: r.state, duplicate: r.duplicate === 1, attempts: r.attempts,
  ...(r.case_id ? { caseId: r.case_id } : {}), ...(r.cpr_masked ? { cprMasked: r.cpr_masked } : {}), ...(r.title ? { title: r.title } : {}),
  ...(r.channel ? { channel: r.channel } : {}), ...(r.transmission_id ? { transmissionId: r.transmission_id } : {}), ...(r.error ? { error: r.error } : {}),
});

export class FasitStore {
  readonly #db: Db;

  private constructor(db: Db) {
    this.#db = db;
  }

  static open(file: string): FasitStore {
    return new FasitStore(openDatabase(file, SCHEMA));
  }

  /** Records rows not seen before (a re-run keeps the states and UUIDs of the first plan). */
  plan(rows: readonly PlannedRow[]): void {
    const insert = this.#db.prepare(`INSERT OR IGNORE INTO batch_rows (batch_id, row, message_uuid, transaction_id, case_id, cpr_masked, title, state, error) VALUES (?,?,?,?,?,?,?,?,?)`);
    this.#db.transaction(() => {
      for (const r of rows) insert.run(r.batchId, r.row, r.messageUUID, r.transactionId, r.caseId ?? null, r.cprMasked ?? null, r.title ?? null, r.state, r.error ?? null);
    })();
  }

  rows(batchId: string): StoredRow[] {
    return (this.#db.prepare(`SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY row`).all(batchId) as RowRecord[]).map(toRow);
  }

  row(batchId: string, row: number): StoredRow | undefined {
    const r = this.#db.prepare(`SELECT * FROM batch_rows WHERE batch_id = ? AND row = ?`).get(batchId, row) as RowRecord | undefined;
    return r ? toRow(r) : undefined;
  }

  byMessageUuid(uuid: string): StoredRow | undefined {
    const r = this.#db.prepare(`SELECT * FROM batch_rows WHERE message_uuid = ?`).get(uuid.toLowerCase()) as RowRecord | undefined;
    return r ? toRow(r) : undefined;
  }

  markSent(batchId: string, row: number, r: { channel: 'digital' | 'physical'; transmissionId?: string; duplicate: boolean }, now = new Date()): void {
    this.#db.prepare(`UPDATE batch_rows SET state = 'sent', channel = ?, transmission_id = ?, duplicate = ?, attempts = attempts + 1, error = NULL, sent_at = ? WHERE batch_id = ? AND row = ?`)
      .run(r.channel, r.transmissionId ?? null, r.duplicate ? 1 : 0, now.toISOString(), batchId, row);
  }

  /** A failed row stays resendable: the next run tries it again with the same UUID. */
  markFailed(batchId: string, row: number, error: string): void {
    this.#db.prepare(`UPDATE batch_rows SET state = 'failed', attempts = attempts + 1, error = ? WHERE batch_id = ? AND row = ?`).run(error, batchId, row);
  }

  /** Files a reply once (the reply id is the key). */
  addReply(r: FasitReply & { readonly memoXml: string }): boolean {
    return this.#db.prepare(`INSERT OR IGNORE INTO replies (reply_id, message_uuid, case_id, title, received_at, memo_xml) VALUES (?,?,?,?,?,?)`)
      .run(r.replyId, r.messageUUID ?? null, r.caseId ?? null, r.title, r.receivedAt, r.memoXml).changes === 1;
  }

  /** Replies for the caseworker's list, newest first; `matched: false` gives those no case could be found for. */
  replies(filter: { readonly caseId?: string; readonly matched?: boolean } = {}): FasitReply[] {
    const where = filter.caseId !== undefined ? 'WHERE case_id = ?' : filter.matched === false ? 'WHERE case_id IS NULL' : filter.matched === true ? 'WHERE case_id IS NOT NULL' : '';
    const args = filter.caseId !== undefined ? [filter.caseId] : [];
    return (this.#db.prepare(`SELECT reply_id, message_uuid, case_id, title, received_at FROM replies ${where} ORDER BY received_at DESC, reply_id`).all(...args) as { reply_id: string; message_uuid: string | null; case_id: string | null; title: string; received_at: string }[])
      .map((r) => ({ replyId: r.reply_id, title: r.title, receivedAt: r.received_at, ...(r.message_uuid ? { messageUUID: r.message_uuid } : {}), ...(r.case_id ? { caseId: r.case_id } : {}) }));
  }

  close(): void {
    this.#db.close();
  }
}
