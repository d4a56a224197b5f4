/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread, so
 * the gateway's event loop never waits for a checkpoint (copying megabytes and syncing the
 * database file took 20-40 ms in the committing call, every few dozen 100 KB letters).
 * PASSIVE checkpoints take no lock that writers wait for. The ledger's own connection keeps a
 * high automatic-checkpoint threshold as a safety net should this worker fall behind.
 * @module
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS run in the worker (eval): it needs no build step and no TypeScript loader.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try { checkpoint.get(); } catch (error) { parentPort.postMessage(String(error)); }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export class WalCheckpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;

  /** `onError`: a failed checkpoint (retried at the next interval). @param intervalMs milliseconds */
  constructor(file: string, intervalMs: number, onError: (message: string) => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // No inherited flags: with --input-type=module (node -e scripts) the eval code would be read as ESM.
    this.#worker = new Worker(WORKER_CODE, { eval: true, execArgv: [], workerData: { file, driver, intervalMs } });
    this.#worker.on('message', (m: unknown) => onError(String(m)));
    this.#worker.on('error', (e) => onError(String(e)));
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.unref(); // never what keeps a process alive
  }

  /** Stops after the checkpoint in progress, if any. */
  async close(): Promise<void> {
    // Referenced again while it stops: an unreferenced worker's exit does not keep the process
    // alive, so a caller awaiting close() with nothing else pending would see its process end.
    this.#worker.ref();
    this.#worker.postMessage('stop');
    await this.#exited;
  }
}
