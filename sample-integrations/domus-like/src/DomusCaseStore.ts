/**
 * The simulated DOMUS-like case system's own state in SQLite: cases (with KLE and the
 * citizen), documents (letters written on a case, with the caseworker's reply choice) and the
 * journal (journalisering: sent letters, reply-off decisions, receipts, statuses, replies).
 * The gateway plugin and the case system open the same file.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { maskCprInText } from '@postbud/sdk';
import { openDatabase, type Db } from '../../shared/src/openDatabase.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, kle_subject TEXT NOT NULL, kle_facet TEXT, kle_label TEXT NOT NULL,
  citizen_cpr TEXT NOT NULL, citizen_name TEXT NOT NULL, caseworker TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), title TEXT NOT NULL, pdf BLOB NOT NULL,
  reply_enabled INTEGER NOT NULL, letter_id TEXT UNIQUE, state TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL REFERENCES cases(id), document_id TEXT,
  kind TEXT NOT NULL, event_id TEXT UNIQUE, at TEXT NOT NULL, actor TEXT NOT NULL, text TEXT NOT NULL, memo_xml TEXT);
`;

export interface DomusCase {
  readonly id: string;
  readonly title: string;
  readonly kle: { readonly subjectKey: string; readonly activityFacet?: string; readonly label: string };
  readonly citizen: { readonly cpr: string; readonly name: string };
  readonly caseworker: string;
}

export type JournalKind = 'letter-sent' | 'reply-off' | 'receipt' | 'status' | 'reply' | 'send-failed';

export interface JournalEntry {
  readonly seq: number;
  readonly caseId: string;
  readonly documentId: string | null;
  readonly kind: JournalKind;
  readonly at: string;
  readonly actor: string;
  readonly text: string;
  readonly memoXml: string | null;
}

export interface DomusDocument {
  readonly id: string;
  readonly caseId: string;
  readonly title: string;
  readonly replyEnabled: boolean;
  readonly letterId: string | null;
  readonly state: 'draft' | 'sent' | 'failed';
}

interface CaseRow { id: string; title: string; kle_subject: string; kle_facet: string | null; kle_label: string; citizen_cpr: string; citizen_name: string; caseworker: string }
interface DocRow { id: string; case_id: string; title: string; reply_enabled: number; letter_id: string | null; state: DomusDocument['state'] }
interface JournalRow { seq: number; case_id: string; document_id: string | null; kind: JournalKind; at: string; actor: string; text: string; memo_xml: string | null }

const toCase = (r: CaseRow): DomusCase => ({
  id: r.id, title: r.title, caseworker: r.caseworker, citizen: { cpr: r.citizen_cpr, name: r.citizen_name },
  kle: { subjectKey: r.kle_subject, label: r.kle_label, ...(r.kle_facet ? { activityFacet: r.kle_facet } : {}) },
});
const toDoc = (r: DocRow): DomusDocument => ({ id: r.id, caseId: r.case_id, title: r.title, replyEnabled: r.reply_enabled === 1, letterId: r.letter_id, state: r.state });
const toEntry = (r: JournalRow): JournalEntry => ({ seq: r.seq, caseId: r.case_id, documentId: r.document_id, kind: r.kind, at: r.at, actor: r.actor, text: r.text, memoXml: r.memo_xml });

export class DomusCaseStore {
  readonly #db: Db;

  private constructor(db: Db) {
    this.#db = db;
  }

  static open(file: string): DomusCaseStore {
    return new DomusCaseStore(openDatabase(file, SCHEMA));
  }

  saveCase(c: DomusCase, now = new Date()): void {
    this.#db.prepare(`INSERT OR REPLACE INTO cases VALUES (?,?,?,?,?,?,?,?,?)`).run(
      c.id, c.title, c.kle.subjectKey, c.kle.activityFacet ?? null, c.kle.label, c.citizen.cpr, c.citizen.name, c.caseworker, now.toISOString());
  }

  getCase(id: string): DomusCase | undefined {
    const row = this.#db.prepare(`SELECT * FROM cases WHERE id = ?`).get(id) as CaseRow | undefined;
    return row ? toCase(row) : undefined;
  }

  addDocument(caseId: string, title: string, pdf: Uint8Array, replyEnabled: boolean, now = new Date()): DomusDocument {
    const id = `DOK-${randomUUID().slice(0, 8).toUpperCase()}`;
    this.#db.prepare(`INSERT INTO documents (id, case_id, title, pdf, reply_enabled, state, created_at) VALUES (?,?,?,?,?,'draft',?)`)
      .run(id, caseId, title, Buffer.from(pdf), replyEnabled ? 1 : 0, now.toISOString());
    return { id, caseId, title, replyEnabled, letterId: null, state: 'draft' };
  }

  documentPdf(id: string): Uint8Array {
    const row = this.#db.prepare(`SELECT pdf FROM documents WHERE id = ?`).get(id) as { pdf: Buffer } | undefined;
    if (!row) throw new Error(`No document ${id}.`);
    return new Uint8Array(row.pdf);
  }

  getDocument(id: string): DomusDocument | undefined {
    const row = this.#db.prepare(`SELECT * FROM documents WHERE id = ?`).get(id) as DocRow | undefined;
    return row ? toDoc(row) : undefined;
  }

  documentByLetter(letterId: string): DomusDocument | undefined {
    const row = this.#db.prepare(`SELECT * FROM documents WHERE letter_id = ?`).get(letterId) as DocRow | undefined;
    return row ? toDoc(row) : undefined;
  }

  markSent(documentId: string, letterId: string): void {
    this.#db.prepare(`UPDATE documents SET letter_id = ?, state = 'sent' WHERE id = ?`).run(letterId, documentId);
  }

  markFailed(documentId: string): void {
    this.#db.prepare(`UPDATE documents SET state = 'failed' WHERE id = ?`).run(documentId);
  }

  /**
   * Files an entry on the case. With an `eventId` the entry is filed once however often the
   * gateway delivers the event (callbacks are at-least-once). Text never holds a whole CPR number.
   */
  journal(entry: { caseId: string; documentId?: string; kind: JournalKind; actor: string; text: string; eventId?: string; memoXml?: string; at?: Date }): boolean {
    const result = this.#db.prepare(`INSERT OR IGNORE INTO journal (case_id, document_id, kind, event_id, at, actor, text, memo_xml) VALUES (?,?,?,?,?,?,?,?)`).run(
      entry.caseId, entry.documentId ?? null, entry.kind, entry.eventId ?? null, (entry.at ?? new Date()).toISOString(), entry.actor, maskCprInText(entry.text), entry.memoXml ?? null);
    return result.changes === 1;
  }

  /** The case's thread: every journal entry, oldest first. */
  thread(caseId: string): JournalEntry[] {
    return (this.#db.prepare(`SELECT * FROM journal WHERE case_id = ? ORDER BY seq`).all(caseId) as JournalRow[]).map(toEntry);
  }

  close(): void {
    this.#db.close();
  }
}
