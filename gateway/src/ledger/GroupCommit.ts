/**
 * Group commit for the SQLite ledger: write operations queued during one turn of the event
 * loop run in ONE transaction, each in a savepoint of its own, so N concurrent writes pay one
 * commit (one fsync with synchronous=FULL, one WAL append of the pages they share) instead of
 * N. Every caller's promise settles only after the commit that holds its write, so an
 * acknowledged write is as durable as before. A write that throws is rolled back to its
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
  #queue: Op[] = [];
  #flushed: Promise<void> | undefined;

  /** `maxBatch`: writes per transaction at most; more wait for the next turn. */
  constructor(db: Database.Database, maxBatch = 256) {
    this.#db = db;
    this.#maxBatch = maxBatch;
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

  /** Resolves once every write queued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.#flushed !== undefined) await this.#flushed;
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
      if (o.ok) op.resolve(o.value);
      else op.reject(o.error);
    });
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
