/**
 * The output manager's folders and the small files it keeps: `inbox/` (where the print driver
 * drops `<job>.pdf` + `<job>.job`), `processing/`, `done/` (with `<job>.receipt.json`),
 * `failed/` (with `<job>.error.txt`), `replies/`, and `state/letters/<letterId>.json` (which
 * job a gateway letter came from, for the plugin). Writes are atomic (temp file + rename).
 * @module
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Receipt {
  readonly job: string;
  /** What the gateway decided at intake; `pending` = decided when it sends. */
  readonly channel: 'digital' | 'physical' | 'pending';
  readonly recipient: string;
  readonly title: string;
  readonly senderSystem: string;
  readonly caseId?: string;
  readonly letterId?: string;
  readonly messageUUID?: string;
  readonly transmissionId?: string;
  readonly acceptedAt: string;
  /** Receipts, status events and replies from Digital Post, in arrival order. */
  readonly events: readonly { readonly eventId: string; readonly kind: string; readonly at: string; readonly text: string }[];
}

export class JobFolders {
  readonly inbox: string;
  readonly processing: string;
  readonly done: string;
  readonly failed: string;
  readonly replies: string;
  readonly letters: string;

  constructor(readonly root: string) {
    this.inbox = path.join(root, 'inbox');
    this.processing = path.join(root, 'processing');
    this.done = path.join(root, 'done');
    this.failed = path.join(root, 'failed');
    this.replies = path.join(root, 'replies');
    this.letters = path.join(root, 'state', 'letters');
    for (const d of [this.inbox, this.processing, this.done, this.failed, this.replies, this.letters]) mkdirSync(d, { recursive: true });
  }

  static writeAtomic(file: string, text: string): void {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }

  receiptFile(job: string): string {
    return path.join(this.done, `${job}.receipt.json`);
  }

  readReceipt(job: string): Receipt | undefined {
    const file = this.receiptFile(job);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Receipt) : undefined;
  }

  writeReceipt(r: Receipt): void {
    JobFolders.writeAtomic(this.receiptFile(r.job), `${JSON.stringify(r, null, 2)}\n`);
  }

  rememberLetter(letterId: string, job: string): void {
    JobFolders.writeAtomic(path.join(this.letters, `${letterId}.json`), JSON.stringify({ job }));
  }

  jobOfLetter(letterId: string): string | undefined {
    const file = path.join(this.letters, `${path.basename(letterId)}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { job: string }).job : undefined;
  }
}
