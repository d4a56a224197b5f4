/**
 * Sends a Fasit batch with `sendMany`: bounded concurrency, reply always on, exempt recipients
 * as physical post (Automatisk Valg with the postal address), and a resumable run. Every row
 * gets a messageUUID derived from batch id + row, recorded before the first send, so stopping
 * and restarting never sends a letter twice: finished rows are skipped, and a row that was in
 * flight is re-sent with the same UUID, which the route answers with the original receipt.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { deriveMessageUuid, maskCpr, maskCprInText } from '@postbud/sdk';
import type { BatchLetter, DigitalPostClient, SendManyItem } from '@postbud/sdk';
import { AUTHORITY, CONTACT_POINTS } from '../../shared/src/world.js';
import type { FasitStore, PlannedRow } from './FasitStore.js';
import { readBatchFile, type BatchRow } from './readBatchFile.js';

export const FASIT_CASE_SYSTEM = 'Fasit';

export interface RunBatchOptions {
  readonly client: DigitalPostClient;
  readonly store: FasitStore;
  readonly batchFile: string;
  /** Stable id of the batch (e.g. the file's job number): the UUIDs derive from it. */
  readonly batchId: string;
  /** @default 8 */
  readonly concurrency?: number;
  /** Stops the run; what is not sent yet stays pending for the next run. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: { readonly done: number; readonly failed: number; readonly total: number }) => void;
}

export interface BatchSummary {
  readonly rows: number;
  /** Rows that could not be sent as written (see `errors`). */
  readonly invalid: number;
  /** Sent in this run (including answers "already received"). */
  readonly sentNow: number;
  /** Already sent by an earlier run, so skipped. */
  readonly skipped: number;
  /** The route already had the letter (a resumed run re-sent a letter that was in flight). */
  readonly duplicates: number;
  readonly failed: number;
  /** Still pending (the run was stopped). */
  readonly pending: number;
  /** Of all sent rows: how many went digitally and how many as physical post. */
  readonly digital: number;
  readonly physical: number;
  readonly aborted: boolean;
  readonly errors: readonly { readonly row: number; readonly error: string }[];
}

async function planRows(o: RunBatchOptions, rows: readonly BatchRow[], invalid: readonly { row: number; error: string; caseId?: string }[]): Promise<void> {
  const planned: PlannedRow[] = [];
  for (const r of rows) {
    planned.push({
      batchId: o.batchId, row: r.row, state: 'pending', caseId: r.caseId, cprMasked: maskCpr(r.cpr), title: r.title,
      messageUUID: await deriveMessageUuid(`${o.batchId}:${r.row}`, 'fasit'),
      transactionId: await deriveMessageUuid(`${o.batchId}:${r.row}`, 'fasit-transaction'),
    });
  }
  for (const e of invalid) {
    planned.push({ batchId: o.batchId, row: e.row, state: 'invalid', error: e.error, ...(e.caseId ? { caseId: e.caseId } : {}),
      messageUUID: await deriveMessageUuid(`${o.batchId}:${e.row}`, 'fasit'), transactionId: await deriveMessageUuid(`${o.batchId}:${e.row}`, 'fasit-transaction') });
  }
  o.store.plan(planned);
}

/** The letters still to send, built lazily (PDF read and recipient looked up only when a slot frees). */
async function* lettersToSend(o: RunBatchOptions, rows: readonly BatchRow[], channels: Map<number, 'digital' | 'physical'>): AsyncGenerator<BatchLetter> {
  const contactPoint = { id: CONTACT_POINTS.jobcenter, label: 'Jobcenter Solbjerg' };
  for (const r of rows) {
    const planned = o.store.row(o.batchId, r.row);
    if (planned === undefined || planned.state === 'sent' || planned.state === 'invalid') continue;
    // The lookup (cached by the client) tells how the letter will go; Automatisk Valg decides for real.
    const digital = (await o.client.lookup({ cpr: r.cpr }, o.signal ? { signal: o.signal } : {})).digitalPost;
    channels.set(r.row, digital ? 'digital' : 'physical');
    if (!digital && r.address === undefined) {
      o.store.markFailed(o.batchId, r.row, `Row ${r.row}: the recipient cannot receive Digital Post and the row has no postal address (street, building, postCode, city) for physical post.`);
      continue;
    }
    const pdf = new Uint8Array(await readFile(r.pdf));
    yield {
      key: String(r.row),
      letter: {
        messageUUID: planned.messageUUID,
        title: r.title,
        recipient: { type: 'cpr', cpr: r.cpr, name: r.name },
        sender: { id: AUTHORITY.cvr, label: 'Solbjerg Kommune, Jobcenter', contactPoint },
        reply: { enabled: true, contactPoint },
        metadata: { caseId: { id: r.caseId, system: FASIT_CASE_SYSTEM } },
        mainDocument: { label: r.title, files: [{ filename: 'brev.pdf', encodingFormat: 'application/pdf', content: pdf }] },
      },
      options: {
        channel: digital ? 'digital' : 'auto',
        transactionId: planned.transactionId,
        ...(!digital && r.address ? { physical: { address: { name: r.name, street: r.address.street, building: r.address.building, postCode: r.address.postCode } } } : {}),
      },
    };
  }
}

function record(o: RunBatchOptions, item: SendManyItem, channels: Map<number, 'digital' | 'physical'>, counts: { sentNow: number; duplicates: number; failed: number }): void {
  const row = Number(item.key);
  if (item.ok) {
    o.store.markSent(o.batchId, row, { channel: channels.get(row) ?? 'digital', duplicate: item.result.duplicate, ...(item.result.transmissionId ? { transmissionId: item.result.transmissionId } : {}) });
    counts.sentNow++;
    if (item.result.duplicate) counts.duplicates++;
  } else if (item.error.code !== 'ABORTED') {
    o.store.markFailed(o.batchId, row, maskCprInText(`${item.error.code}: ${item.error.message}`));
    counts.failed++;
  }
}

export async function runBatch(o: RunBatchOptions): Promise<BatchSummary> {
  const file = readBatchFile(o.batchFile);
  await planRows(o, file.rows, file.errors);
  const before = o.store.rows(o.batchId);
  const skipped = before.filter((r) => r.state === 'sent').length;
  const toSend = before.filter((r) => r.state === 'pending' || r.state === 'failed').length;
  const channels = new Map<number, 'digital' | 'physical'>();
  const counts = { sentNow: 0, duplicates: 0, failed: 0 };
  await o.client.sendMany(lettersToSend(o, file.rows, channels), {
    concurrency: o.concurrency ?? 8,
    ...(o.signal ? { signal: o.signal } : {}),
    onProgress: (p) => o.onProgress?.({ done: p.done, failed: p.failed, total: toSend }),
    onResult: (item) => record(o, item, channels, counts),
  });
  const after = o.store.rows(o.batchId);
  const sent = after.filter((r) => r.state === 'sent');
  return {
    rows: after.length, invalid: after.filter((r) => r.state === 'invalid').length, sentNow: counts.sentNow, skipped, duplicates: counts.duplicates,
    failed: after.filter((r) => r.state === 'failed').length, pending: after.filter((r) => r.state === 'pending').length,
    digital: sent.filter((r) => r.channel === 'digital').length, physical: sent.filter((r) => r.channel === 'physical').length,
    aborted: o.signal?.aborted ?? false,
    errors: after.filter((r) => r.state === 'invalid' || r.state === 'failed').map((r) => ({ row: r.row, error: r.error ?? 'unknown' })),
  };
}
