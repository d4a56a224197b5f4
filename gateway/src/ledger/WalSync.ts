/**
 * Makes the SQLite write-ahead log durable without blocking the event loop: an fdatasync of
 * the `-wal` file on libuv's thread pool. With synchronous=NORMAL SQLite writes each commit
 * to the WAL without syncing it; once this resolves, every commit made before the call is on
 * disk (fsync works per file, whichever descriptor asks), exactly what synchronous=FULL
 * would have ensured, and crash recovery replays them from the WAL.
 * @module
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

export class WalSync {
  #handle: Promise<FileHandle> | undefined;

  constructor(private readonly walFile: string) {}

  async sync(): Promise<void> {
    this.#handle ??= open(this.walFile, 'r');
    try {
      await (await this.#handle).datasync();
    } catch (error) {
      this.#handle = undefined; // opened again next time
      throw error;
    }
  }

  async close(): Promise<void> {
    const h = this.#handle;
    this.#handle = undefined;
    if (h !== undefined) await (await h).close().catch(() => undefined);
  }
}
