/**
 * SQLite schema of the sandbox's state. Version bumps recreate the tables (the sandbox's data
 * is test data; keeping it across an incompatible upgrade is not worth a migration framework).
 * @module
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS letters (
  id TEXT PRIMARY KEY,
  message_uuid TEXT,
  message_id TEXT,
  route TEXT NOT NULL,
  kombi_code TEXT,
  channel TEXT NOT NULL,
  memo_version TEXT,
  sender_id TEXT,
  sender_label TEXT,
  recipient_id TEXT,
  recipient_label TEXT,
  p_number TEXT,
  title TEXT,
  reply INTEGER NOT NULL DEFAULT 0,
  reply_by TEXT,
  contact_point_id TEXT,
  status TEXT NOT NULL,
  fail_code TEXT,
  fail_text TEXT,
  memo_xml TEXT,
  forsendelse_xml TEXT,
  print_pdf_base64 TEXT,
  response_status INTEGER,
  response_type TEXT,
  response_body TEXT,
  transaction_id TEXT,
  system_id TEXT,
  authority_cvr TEXT,
  deliver_after INTEGER,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  read_at TEXT
);
DROP INDEX IF EXISTS letters_uuid;
CREATE INDEX IF NOT EXISTS letters_recipient ON letters(recipient_id);
-- The duplicate check and the control API compare UUIDs case-insensitively: without this index every send scans all letters.
CREATE INDEX IF NOT EXISTS letters_uuid_lower ON letters(lower(message_uuid));
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  letter_id TEXT,
  message_uuid TEXT,
  kind TEXT NOT NULL,
  status_code TEXT,
  authority_cvr TEXT,
  xml TEXT,
  created_at TEXT NOT NULL,
  acked INTEGER NOT NULL DEFAULT 0,
  push_state TEXT NOT NULL DEFAULT 'none',
  push_attempts INTEGER NOT NULL DEFAULT 0,
  push_error TEXT
);
CREATE INDEX IF NOT EXISTS events_uuid_lower ON events(lower(message_uuid));
CREATE INDEX IF NOT EXISTS events_letter ON events(letter_id);
-- The pull feed reads the oldest unacknowledged status messages; acknowledged ones pile up in front of them.
CREATE INDEX IF NOT EXISTS events_unacked ON events(seq) WHERE acked=0 AND xml IS NOT NULL;
CREATE TABLE IF NOT EXISTS receipts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  letter_id TEXT NOT NULL,
  system_id TEXT,
  json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS inbound (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  system_id TEXT NOT NULL,
  authority_cvr TEXT NOT NULL,
  contact_point_id TEXT NOT NULL,
  original_letter_id TEXT,
  sender_id TEXT NOT NULL,
  title TEXT,
  memo_xml TEXT NOT NULL,
  created_at TEXT NOT NULL,
  fetched_at TEXT,
  business_receipt TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS tokens (
  token TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  cvr TEXT NOT NULL,
  cert_fingerprint TEXT,
  expires_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

export const ALL_TABLES = ['letters', 'events', 'receipts', 'inbound', 'tokens', 'kv'] as const;

/** The letters table's columns in order, read from SCHEMA_SQL so that the two cannot drift apart. */
export const LETTER_COLUMNS: readonly string[] = Object.freeze(
  /CREATE TABLE IF NOT EXISTS letters \(\n([\s\S]*?)\n\);/.exec(SCHEMA_SQL)![1]!.split('\n').map((line) => line.trim().split(/\s+/)[0]!).filter((name) => name !== ''),
);
