/**
 * Reads a gateway's SQLite ledger file directly (read-only) and lists every inconsistency
 * the soak tests forbid: letters not in a final state, a non-empty outbox, payloads kept after
 * the final state, duplicate transmissions, state changes without their audit row, and
 * status events or replies stored twice.
 * @module
 */
import Database from 'better-sqlite3';

type Row = Record<string, unknown>;

export interface LedgerFacts {
  readonly letters: number;
  readonly byState: Readonly<Record<string, number>>;
  readonly statusEvents: number;
  readonly replies: number;
  readonly multiAttemptLetters: number;
}

export interface LedgerReport {
  readonly facts: LedgerFacts;
  /** Empty when the ledger is consistent. */
  readonly problems: readonly string[];
}

function all(db: Database.Database, sql: string, ...args: unknown[]): Row[] {
  return db.prepare(sql).all(...args) as Row[];
}

function facts(db: Database.Database): LedgerFacts {
  const byState = Object.fromEntries(all(db, 'SELECT state, count(*) AS n FROM letters GROUP BY state').map((r) => [String(r['state']), Number(r['n'])]));
  const one = (sql: string) => Number((db.prepare(sql).get() as Row)['n']);
  return {
    letters: one('SELECT count(*) AS n FROM letters'), byState,
    statusEvents: one("SELECT count(*) AS n FROM letter_events WHERE kind = 'status'"),
    replies: one('SELECT count(*) AS n FROM replies'),
    multiAttemptLetters: one('SELECT count(*) AS n FROM letters WHERE attempts > 1'),
  };
}

function problems(db: Database.Database, finalStates: readonly string[]): string[] {
  const out: string[] = [];
  const list = (rows: Row[], what: string) => { if (rows.length > 0) out.push(`${what}: ${rows.length} (e.g. ${JSON.stringify(rows.slice(0, 3))})`); };
  const states = finalStates.map((s) => `'${s}'`).join(',');
  list(all(db, `SELECT id, state FROM letters WHERE state NOT IN (${states})`), `letters not in a final state (${finalStates.join('/')})`);
  list(all(db, "SELECT id FROM letters WHERE state IN ('accepted', 'sending') OR lease_owner IS NOT NULL"), 'outbox not empty (queued, leased or sending letters)');
  list(all(db, "SELECT id, attempts, last_error FROM letters WHERE state = 'rejected'"), 'letters rejected (given up)');
  list(all(db, "SELECT l.id, l.state FROM letters l JOIN letter_payloads p ON p.letter_id = l.id WHERE l.state IN ('delivered', 'failed', 'rejected')"), 'final letters still holding their content');
  list(all(db, 'SELECT transmission_id, count(*) AS n FROM letters WHERE transmission_id IS NOT NULL GROUP BY transmission_id HAVING n > 1'), 'transmission ids shared by several letters');
  list(all(db, "SELECT letter_id, count(*) AS n FROM letter_events WHERE kind = 'receipt' AND state = 'sent' GROUP BY letter_id HAVING n > 1"), 'letters marked sent more than once');
  list(all(db, "SELECT letter_id, json_extract(detail, '$.routeStatus') AS s, count(*) AS n FROM letter_events WHERE kind = 'status' GROUP BY letter_id, s HAVING n > 1"), 'status events stored more than once');
  list(all(db, 'SELECT reply_message_uuid, count(*) AS n FROM replies GROUP BY reply_message_uuid HAVING n > 1'), 'replies stored more than once');
  list(all(db, "SELECT letter_id, count(*) AS n FROM letter_events WHERE kind = 'reply' GROUP BY letter_id, json_extract(detail, '$.replyMessageUUID') HAVING n > 1"), 'reply events stored more than once');
  list(all(db, "SELECT l.id FROM letters l WHERE (SELECT count(*) FROM audit a WHERE a.letter_id = l.id AND a.action = 'letter.accepted') <> 1"), 'letters without exactly one acceptance audit row');
  // Every state change after acceptance has its audit row, and no audit row lacks its change.
  list(all(db, `SELECT e.letter_id, e.state, e.n, coalesce(a.n, 0) AS audited FROM
      (SELECT letter_id, state, count(*) AS n FROM letter_events WHERE state IS NOT NULL AND state <> 'accepted' GROUP BY letter_id, state) e
      LEFT JOIN (SELECT letter_id, substr(action, 8) AS state, count(*) AS n FROM audit WHERE action LIKE 'letter.%' AND action <> 'letter.accepted' GROUP BY letter_id, state) a
      ON a.letter_id = e.letter_id AND a.state = e.state WHERE e.n <> coalesce(a.n, 0)`), 'state changes whose audit rows do not match');
  return out;
}

export function checkLedger(file: string, finalStates: readonly string[] = ['delivered']): LedgerReport {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return { facts: facts(db), problems: problems(db, finalStates) };
  } finally {
    db.close();
  }
}

/** Letters per state, for waiting loops (cheap; WAL allows reading while the gateway writes). */
/** Why letters were rejected (the last error per letter), for failure messages. */
export function rejectedLetters(file: string): { id: string; attempts: number; lastError: string }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return all(db, "SELECT id, attempts, last_error FROM letters WHERE state = 'rejected'").map((r) => ({ id: String(r['id']), attempts: Number(r['attempts']), lastError: String(r['last_error']) }));
  } finally {
    db.close();
  }
}

export function ledgerStates(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return Object.fromEntries(all(db, 'SELECT state, count(*) AS n FROM letters GROUP BY state').map((r) => [String(r['state']), Number(r['n'])]));
  } finally {
    db.close();
  }
}

/** `sent_at` of each letter (ISO), for drain-rate figures. */
export function ledgerSentTimes(file: string): { id: string; sentAt: string | null; acceptedAt: string }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return all(db, 'SELECT id, sent_at, accepted_at FROM letters').map((r) => ({ id: String(r['id']), sentAt: r['sent_at'] === null ? null : String(r['sent_at']), acceptedAt: String(r['accepted_at']) }));
  } finally {
    db.close();
  }
}
