/**
 * The sandbox's state in SQLite (better-sqlite3): a file under `.postbud/` by default, so a
 * restart keeps the mailbox, or `:memory:` for tests and `--memory`.
 * @module
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ALL_TABLES, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import { LETTER_CONTENT_FIELDS, type EventRecord, type InboundRecord, type LetterRecord, type LetterSummary, type ReceiptRecord, type TokenRecord } from './records.js';
import { LETTER_COLUMNS } from './schema.js';

type Row = Record<string, unknown>;

const BOOLEAN_COLUMNS = new Set(['reply', 'acked', 'deleted', 'revoked']);

/** Field names by column name (see SNAKE). */
const CAMEL = new Map<string, string>();

function camel(name: string): string {
  let field = CAMEL.get(name);
  if (field === undefined) {
    field = name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    CAMEL.set(name, field);
  }
  return field;
}

/** Column names by field name: a regex replace per field of every row written cost more than the row's own insert. */
const SNAKE = new Map<string, string>();

function snake(name: string): string {
  let column = SNAKE.get(name);
  if (column === undefined) {
    column = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    SNAKE.set(name, column);
  }
  return column;
}

function fromRow<T>(row: Row | undefined): T | undefined {
  if (!row) return undefined;
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = BOOLEAN_COLUMNS.has(k) ? v === 1 : v;
  return out as T;
}

function toParams(record: object): Row {
  const out: Row = {};
  for (const k in record) {
    const v = (record as Row)[k];
    out[snake(k)] = typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
  }
  return out;
}

/** Bound on the token cache (a sandbox issues a few tokens an hour per sender; a flood only empties it). */
const MAX_CACHED_TOKENS = 10_000;

const CONTENT_COLUMNS: ReadonlySet<string> = new Set(LETTER_CONTENT_FIELDS.map((f) => snake(f)));
/** Every letters column but the content ones. */
const SUMMARY_COLUMNS = LETTER_COLUMNS.filter((c) => !CONTENT_COLUMNS.has(c)).join(', ');

export interface LetterQuery {
  readonly recipientId?: string;
  readonly messageUuid?: string;
  readonly senderId?: string;
  readonly channel?: string;
  readonly limit?: number;
}

export class SandboxStore {
  readonly db: Database.Database;
  readonly location: string;
  /** Prepared statements by SQL text: preparing costs more than running a small statement. */
  readonly #statements = new Map<string, Database.Statement>();
  /**
   * Access tokens as read, by token: every service call looks its token up, and the row never
   * changes except through insertToken / revokeToken / reset, which drop it from here.
   */
  readonly #tokens = new Map<string, TokenRecord>();
  /** The open group transaction and the promise of its commit, while one is open. */
  #group: Promise<void> | null = null;

  private constructor(db: Database.Database, location: string) {
    this.db = db;
    this.location = location;
  }

  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Opens (creating if needed) the store in `dir`, or in memory when `dir` is null. */
  static open(dir: string | null): SandboxStore {
    let location = ':memory:';
    if (dir !== null) {
      mkdirSync(dir, { recursive: true });
      location = path.join(dir, 'sandbox.sqlite');
    }
    const db = new Database(location);
    // Big pages for a store of 70 KB letters: with the default 4 KB, each letter spans ~18
    // overflow pages and a commit in a large in-memory database cost ~140 µs per letter (about 2 µs
    // with 64 KB). Takes effect only when the database is created (an existing file keeps its size).
    db.pragma('page_size = 65536');
    if (dir !== null) {
      db.pragma('journal_mode = WAL');
      // Survives a crash of the sandbox process (not of the machine): enough for test data, and no fsync per letter.
      db.pragma('synchronous = NORMAL');
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== 0 && version !== SCHEMA_VERSION) {
      for (const t of ALL_TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
    }
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return new SandboxStore(db, location);
  }

  /**
   * Group commit: opens a transaction (unless one is open) that commits once the current
   * turn of the event loop has run, and returns the promise of that commit. Letters that
   * arrive together share one commit; with a large in-memory database each commit costs more
   * than the row it writes. Callers write synchronously after joining and answer only after the
   * promise resolves, so nothing is acknowledged before it is stored. Reads on this connection
   * see the uncommitted rows, so the duplicate check stays exact.
   */
  joinGroupCommit(): Promise<void> {
    if (this.#group) return this.#group;
    if (this.db.inTransaction) return Promise.resolve(); // inside someone's explicit transaction
    this.db.exec('BEGIN');
    this.#group = new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        this.#group = null;
        try {
          if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
          resolve();
        } catch (error) {
          if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
          reject(error as Error);
        }
      });
    });
    return this.#group;
  }

  /** Resolves once the open group transaction (if any) has committed: rows read from it are then durable. */
  groupCommitted(): Promise<void> {
    return this.#group ?? Promise.resolve();
  }

  close(): void {
    if (!this.db.open) return;
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }

  /** Removes every letter, event, receipt, reply and token (keeps generated keys). */
  reset(): void {
    this.#tokens.clear();
    this.db.transaction(() => {
      for (const t of ALL_TABLES) if (t !== 'kv') this.db.exec(`DELETE FROM ${t}`);
    })();
  }

  // ---- letters ----

  /**
   * `memoBytes`, when given, must be the UTF-8 encoding of `letter.memoXml`: SQLite stores them as
   * the text (CAST of a BLOB to TEXT takes the bytes as they are), which spares encoding the string.
   */
  insertLetter(letter: LetterRecord, memoBytes?: Uint8Array): void {
    const p = toParams(letter);
    if (memoBytes !== undefined && letter.memoXml !== null) p['memo_xml'] = memoBytes;
    const cols = Object.keys(p);
    const values = cols.map((c) => (c === 'memo_xml' ? 'CAST(@memo_xml AS TEXT)' : `@${c}`));
    this.#sql(`INSERT INTO letters (${cols.join(',')}) VALUES (${values.join(',')})`).run(p);
  }

  updateLetter(id: string, changes: Partial<LetterRecord>): void {
    const p = toParams(changes);
    const cols = Object.keys(p);
    if (cols.length === 0) return;
    this.#sql(`UPDATE letters SET ${cols.map((c) => `${c}=@${c}`).join(',')} WHERE id=@__id`).run({ ...p, __id: id });
  }

  letter(id: string): LetterRecord | undefined {
    return fromRow<LetterRecord>(this.#sql('SELECT * FROM letters WHERE id=?').get(id) as Row | undefined);
  }

  /**
   * A letter without its content. Delivery reads every letter once more: with the content, that
   * read turned 70 KB of stored XML back into a JS string per letter (the slow path of Node's
   * UTF-8 decoder for Danish text), which halved the sandbox's rate once deliveries overlapped a
   * long batch.
   */
  letterSummary(id: string): LetterSummary | undefined {
    return fromRow<LetterSummary>(this.#sql(`SELECT ${SUMMARY_COLUMNS} FROM letters WHERE id=?`).get(id) as Row | undefined);
  }

  /** The accepted (not refused) letter with this message UUID and recipient, if any: the duplicate check. */
  acceptedLetter(messageUuid: string, recipientId: string | null): LetterRecord | undefined {
    const row = this.#sql(`SELECT * FROM letters WHERE lower(message_uuid)=lower(?) AND status != 'refused' AND (? IS NULL OR recipient_id=?) ORDER BY created_at LIMIT 1`)
      .get(messageUuid, recipientId, recipientId) as Row | undefined;
    return fromRow<LetterRecord>(row);
  }

  letters(q: LetterQuery = {}): LetterRecord[] {
    const rows = this.#sql(
        `SELECT * FROM letters WHERE (@r IS NULL OR recipient_id=@r) AND (@u IS NULL OR lower(message_uuid)=lower(@u))
         AND (@s IS NULL OR sender_id=@s) AND (@c IS NULL OR channel=@c) ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
      )
      .all({ r: q.recipientId ?? null, u: q.messageUuid ?? null, s: q.senderId ?? null, c: q.channel ?? null, limit: q.limit ?? 1000 }) as Row[];
    return rows.map((r) => fromRow<LetterRecord>(r)!);
  }

  /** How many letters are stored (refused ones included). */
  countLetters(): number {
    return (this.#sql('SELECT count(*) AS n FROM letters').get() as { n: number }).n;
  }

  /** Letters not yet delivered (without their content). */
  pendingLetters(): LetterSummary[] {
    return (this.#sql(`SELECT ${SUMMARY_COLUMNS} FROM letters WHERE status='accepted' ORDER BY created_at`).all() as Row[]).map((r) => fromRow<LetterSummary>(r)!);
  }

  // ---- status events ----

  insertEvent(event: Omit<EventRecord, 'seq'>): EventRecord {
    const p = toParams(event);
    const cols = Object.keys(p);
    const info = this.#sql(`INSERT INTO events (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(p);
    return { ...event, seq: Number(info.lastInsertRowid) };
  }

  updateEvent(id: string, changes: Partial<EventRecord>): void {
    const p = toParams(changes);
    const cols = Object.keys(p);
    this.#sql(`UPDATE events SET ${cols.map((c) => `${c}=@${c}`).join(',')} WHERE id=@__id`).run({ ...p, __id: id });
  }

  events(q: { letterId?: string; authorityCvr?: string; messageUuid?: string; limit?: number } = {}): EventRecord[] {
    const rows = this.#sql(
        `SELECT * FROM events WHERE (@l IS NULL OR letter_id=@l) AND (@a IS NULL OR authority_cvr=@a)
         AND (@u IS NULL OR lower(message_uuid)=lower(@u)) ORDER BY seq LIMIT @limit`,
      )
      .all({ l: q.letterId ?? null, a: q.authorityCvr ?? null, u: q.messageUuid ?? null, limit: q.limit ?? 10000 }) as Row[];
    return rows.map((r) => fromRow<EventRecord>(r)!);
  }

  /** Status messages not yet acknowledged on the pull feed (read events are not status messages). */
  unackedStatusEvents(authorityCvr: string | null, max: number): EventRecord[] {
    const rows = this.#sql(`SELECT * FROM events WHERE acked=0 AND xml IS NOT NULL AND (@a IS NULL OR authority_cvr=@a) ORDER BY seq LIMIT @max`)
      .all({ a: authorityCvr, max }) as Row[];
    return rows.map((r) => fromRow<EventRecord>(r)!);
  }

  event(id: string): EventRecord | undefined {
    return fromRow<EventRecord>(this.#sql('SELECT * FROM events WHERE id=?').get(id) as Row | undefined);
  }

  // ---- NgDP receipts ----

  upsertReceipt(r: Omit<ReceiptRecord, 'seq'>): void {
    this.#sql(
        `INSERT INTO receipts (id, letter_id, system_id, json, created_at, deleted) VALUES (@id,@letter_id,@system_id,@json,@created_at,@deleted)
         ON CONFLICT(id) DO UPDATE SET json=excluded.json`,
      )
      .run(toParams(r));
  }

  receipt(id: string): ReceiptRecord | undefined {
    return fromRow<ReceiptRecord>(this.#sql('SELECT * FROM receipts WHERE id=? AND deleted=0').get(id) as Row | undefined);
  }

  receipts(systemId: string | null): ReceiptRecord[] {
    const rows = this.#sql('SELECT * FROM receipts WHERE deleted=0 AND (@s IS NULL OR system_id=@s) ORDER BY seq').all({ s: systemId }) as Row[];
    return rows.map((r) => fromRow<ReceiptRecord>(r)!);
  }

  deleteReceipt(id: string): boolean {
    return this.#sql('UPDATE receipts SET deleted=1 WHERE id=? AND deleted=0').run(id).changes > 0;
  }

  // ---- inbound memos (replies) ----

  insertInbound(r: Omit<InboundRecord, 'seq'>): void {
    const p = toParams(r);
    const cols = Object.keys(p);
    this.#sql(`INSERT INTO inbound (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(p);
  }

  inbound(id: string): InboundRecord | undefined {
    return fromRow<InboundRecord>(this.#sql('SELECT * FROM inbound WHERE lower(id)=lower(?) AND deleted=0').get(id) as Row | undefined);
  }

  inboundList(q: { systemId?: string; authorityCvr?: string; includeDeleted?: boolean } = {}): InboundRecord[] {
    const rows = this.#sql(`SELECT * FROM inbound WHERE (@s IS NULL OR system_id=@s) AND (@a IS NULL OR authority_cvr=@a) AND (@d=1 OR deleted=0) ORDER BY seq`)
      .all({ s: q.systemId ?? null, a: q.authorityCvr ?? null, d: q.includeDeleted ? 1 : 0 }) as Row[];
    return rows.map((r) => fromRow<InboundRecord>(r)!);
  }

  updateInbound(id: string, changes: Partial<InboundRecord>): void {
    const p = toParams(changes);
    const cols = Object.keys(p);
    this.#sql(`UPDATE inbound SET ${cols.map((c) => `${c}=@${c}`).join(',')} WHERE lower(id)=lower(@__id)`).run({ ...p, __id: id });
  }

  // ---- tokens ----

  insertToken(t: TokenRecord): void {
    this.#tokens.delete(t.token);
    this.#sql('INSERT OR REPLACE INTO tokens (token, kind, entity_id, cvr, cert_fingerprint, expires_at, revoked) VALUES (@token,@kind,@entity_id,@cvr,@cert_fingerprint,@expires_at,@revoked)').run(toParams(t));
  }

  token(token: string): TokenRecord | undefined {
    const cached = this.#tokens.get(token);
    if (cached !== undefined) return cached;
    const record = fromRow<TokenRecord>(this.#sql('SELECT * FROM tokens WHERE token=?').get(token) as Row | undefined);
    if (record !== undefined) {
      if (this.#tokens.size >= MAX_CACHED_TOKENS) this.#tokens.clear();
      this.#tokens.set(token, record);
    }
    return record;
  }

  revokeToken(token: string): void {
    this.#tokens.delete(token);
    this.#sql('UPDATE tokens SET revoked=1 WHERE token=?').run(token);
  }

  // ---- key/value (generated keys, settings that survive restarts) ----

  getValue(key: string): string | undefined {
    const row = this.#sql('SELECT value FROM kv WHERE key=?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setValue(key: string, value: string): void {
    this.#sql('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value').run(key, value);
  }
}
