/**
 * Group commit for the SQLite ledger: write operations queued during one turn of the event
 * loop run in ONE transaction, each in a savepoint of its own, so N concurrent writes pay one
 * commit (one fsync with synchronous=FULL, one WAL append of the pages they share) instead of
 * N. Every caller's promise settles only after the commit that holds its write, so an
 * acknowledged write is as durable as before. With `sync` (the ledger runs SQLite with
 * synchronous=NORMAL, which commits without fsync), a write is answered only after a `sync`
 * (fdatasync of the WAL, on libuv's thread pool) that started after its commit: the same
 * guarantee as synchronous=FULL, but the event loop never waits for the disk, and commits
 * made while one sync runs share the next. A write that throws is rolled back to its
 * savepoint and fails alone; a failed commit (or a failure that makes SQLite abandon the
 * transaction, such as a full disk) fails every write of the batch, none of which is kept.
 * @module
 */
import type Database from 'better-sqlite3';

interface Op {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** SQLite rolled the whole transaction back (not only the savepoint): nothing of the batch is kept. */
class TransactionLost extends Error {
  constructor(readonly original: unknown) {
    super('the transaction was rolled back by SQLite');
  }
}

export class GroupCommit {
  readonly #db: Database.Database;
  readonly #maxBatch: number;
  readonly #sql: Readonly<Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>>;
  readonly #sync: (() => Promise<void>) | undefined;
  #queue: Op[] = [];
  #flushed: Promise<void> | undefined;
  /** Committed writes waiting for the next sync, and the sync running now. */
  #unsynced: { op: Op; value: unknown }[] = [];
  #syncing: Promise<void> | undefined;

  /** `maxBatch`: writes per transaction at most; more wait for the next turn. `sync`: makes committed writes durable. */
  constructor(db: Database.Database, options: { readonly maxBatch?: number; readonly sync?: () => Promise<void> } = {}) {
    this.#db = db;
    this.#maxBatch = options.maxBatch ?? 256;
    this.#sync = options.sync;
    this.#sql = {
      begin: db.prepare('BEGIN IMMEDIATE'), commit: db.prepare('COMMIT'), rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT group_write'), release: db.prepare('RELEASE group_write'), rollbackTo: db.prepare('ROLLBACK TO group_write'),
    };
  }

  /** Runs `work` (synchronous SQLite calls) in the next batch; settles after that batch's commit. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /** Resolves once every write queued so far is committed and synced (or failed). */
  async drain(): Promise<void> {
    while (this.#flushed !== undefined || this.#syncing !== undefined) await (this.#flushed ?? this.#syncing);
  }

  #schedule(): void {
    if (this.#flushed !== undefined) return;
    this.#flushed = new Promise<void>((done) => {
      setImmediate(() => {
        const batch = this.#queue.splice(0, this.#maxBatch);
        this.#flushed = undefined;
        if (this.#queue.length > 0) this.#schedule();
        this.#flush(batch);
        done();
      });
    });
  }

  #flush(batch: readonly Op[]): void {
    let outcomes: Outcome[];
    try {
      this.#sql.begin.run();
      outcomes = batch.map((op) => this.#runOne(op));
      this.#sql.commit.run();
    } catch (error) {
      if (this.#db.inTransaction) this.#sql.rollback.run();
      const cause = error instanceof TransactionLost ? error.original : error;
      for (const op of batch) op.reject(cause);
      return;
    }
    batch.forEach((op, i) => {
      const o = outcomes[i] as Outcome;
      if (!o.ok) op.reject(o.error);
      else if (this.#sync === undefined) op.resolve(o.value);
      else this.#unsynced.push({ op, value: o.value });
    });
    if (this.#syncing === undefined && this.#unsynced.length > 0) this.#syncing = this.#syncLoop();
  }

  async #syncLoop(): Promise<void> {
    const sync = this.#sync as () => Promise<void>;
    while (this.#unsynced.length > 0) {
      const waiting = this.#unsynced;
      this.#unsynced = [];
      try {
        await sync();
        for (const w of waiting) w.op.resolve(w.value);
      } catch (error) {
        // Committed, but not known to be on disk: the caller must not report success.
        for (const w of waiting) w.op.reject(error);
      }
    }
    this.#syncing = undefined;
  }

  #runOne(op: Op): Outcome {
    this.#sql.savepoint.run();
    try {
      const value = op.work();
      this.#sql.release.run();
      return { ok: true, value };
    } catch (error) {
      if (!this.#db.inTransaction) throw new TransactionLost(error);
      this.#sql.rollbackTo.run();
      this.#sql.release.run();
      return { ok: false, error };
    }
  }
}
