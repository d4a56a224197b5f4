/**
 * Schema migrations of the SQLite ledger, applied in order inside one transaction each.
 * Append new migrations; never edit a released one (ledgers in the field have run it).
 * @module
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE letters (
     id TEXT PRIMARY KEY,
     sender_system TEXT NOT NULL,
     caseworker TEXT NOT NULL,
     recipient_masked TEXT NOT NULL,
     title TEXT NOT NULL,
     case_id TEXT,
     contact_point_id TEXT,
     reply_enabled INTEGER NOT NULL,
     reply_by TEXT,
     client_key TEXT,
     payload TEXT,
     accepted_at TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT NOT NULL,
     lease_owner TEXT,
     lease_until TEXT,
     transmission_id TEXT,
     last_error TEXT,
     sent_at TEXT,
     final_at TEXT
   );
   CREATE UNIQUE INDEX letters_client_key ON letters(caseworker, client_key) WHERE client_key IS NOT NULL;
   CREATE INDEX letters_outbox ON letters(next_attempt_at) WHERE state IN ('accepted', 'sending');
   CREATE INDEX letters_case ON letters(case_id, contact_point_id);
   CREATE INDEX letters_sender ON letters(sender_system, accepted_at);
   CREATE TABLE letter_events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     event_id TEXT NOT NULL UNIQUE,
     letter_id TEXT NOT NULL REFERENCES letters(id),
     kind TEXT NOT NULL,
     state TEXT,
     occurred_at TEXT NOT NULL,
     detail TEXT NOT NULL,
     deliver INTEGER NOT NULL DEFAULT 0,
     delivered_at TEXT
   );
   CREATE INDEX letter_events_letter ON letter_events(letter_id, seq);
   CREATE INDEX letter_events_pending ON letter_events(seq) WHERE deliver = 1 AND delivered_at IS NULL;
   CREATE TABLE replies (
     reply_id TEXT PRIMARY KEY,
     reply_message_uuid TEXT NOT NULL,
     in_reply_to TEXT,
     case_id TEXT,
     contact_point_id TEXT,
     title TEXT NOT NULL,
     received_at TEXT NOT NULL,
     memo_xml TEXT NOT NULL,
     letter_id TEXT REFERENCES letters(id),
     correlated_by TEXT
   );
   CREATE INDEX replies_letter ON replies(letter_id);
   CREATE TABLE unmatched_status (
     event_id TEXT PRIMARY KEY,
     message_uuid TEXT NOT NULL,
     detail TEXT NOT NULL,
     received_at TEXT NOT NULL
   );
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     letter_id TEXT,
     sender_system TEXT,
     detail TEXT NOT NULL
   );
   CREATE INDEX audit_letter ON audit(letter_id);
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;`,
  // 2: physical post and reply-off reasons (API v1 additions).
  `ALTER TABLE letters ADD COLUMN channel TEXT;
   ALTER TABLE letters ADD COLUMN reachability TEXT;
   ALTER TABLE letters ADD COLUMN reply_turned_off INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE letters ADD COLUMN reply_off_reason TEXT;`,
  // 3: a letter's content apart from its row. SQLite rewrites a whole row on UPDATE, so with the
  // content inline every outbox state change wrote the full letter (100 KB+) to the WAL again.
  `CREATE TABLE letter_payloads (
     letter_id TEXT PRIMARY KEY REFERENCES letters(id),
     payload TEXT NOT NULL
   );
   INSERT INTO letter_payloads (letter_id, payload) SELECT id, payload FROM letters WHERE payload IS NOT NULL;
   ALTER TABLE letters DROP COLUMN payload;`,
];
