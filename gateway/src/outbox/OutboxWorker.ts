/**
 * Sends what the outbox holds. A letter is claimed under a lease, sent with its fixed
 * messageUUID (so a retry, or a re-send after a crash, is answered with the original
 * receipt), and marked sent. Retryable failures back off; the rest reject the letter.
 * @module
 */
import { isPostbudError, maskCprInText } from '@postbud/sdk';
import type { Logger } from 'pino';
import type { Ledger } from '../ledger/Ledger.js';
import type { ClaimedLetter } from '../ledger/records.js';
import type { OutboxPayload } from '../letters/OutboxPayload.js';
import { printPdf } from '../letters/printPdf.js';
import type { RoutePort } from '../route/RoutePort.js';

export interface OutboxWorkerOptions {
  readonly ledger: Ledger;
  readonly route: RoutePort;
  readonly logger: Logger;
  /** Unique per process, e.g. `host:pid:uuid`. */
  readonly owner: string;
  /** Longer than one send with its retries takes. @default 120000 @unit milliseconds */
  readonly leaseMs?: number;
  /** Letters claimed per round. @default 20 */
  readonly batchSize?: number;
  /** Attempts before a letter that keeps failing is rejected. @default 10 */
  readonly maxAttempts?: number;
  readonly now?: () => Date;
}

/** Back-off between attempts: 5 s, 10 s, 20 s … capped at 15 min. @unit milliseconds */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 15 * 60_000);
}

async function printPdfOption(payload: OutboxPayload): Promise<{ pdf?: Uint8Array }> {
  const pdf = await printPdf(payload.letter);
  return pdf === undefined ? {} : { pdf };
}

export class OutboxWorker {
  readonly #o: Required<Omit<OutboxWorkerOptions, 'now'>> & { now: () => Date };

  constructor(options: OutboxWorkerOptions) {
    this.#o = { leaseMs: 120_000, batchSize: 20, maxAttempts: 10, now: () => new Date(), ...options };
  }

  /** One round: claim, send, record. Returns how many letters it handled. */
  async runOnce(): Promise<number> {
    const { ledger, owner, leaseMs, batchSize } = this.#o;
    const claimed = await ledger.claimOutbox({ owner, leaseMs, limit: batchSize, now: this.#o.now() });
    await Promise.all(claimed.map((c) => this.#sendOne(c)));
    return claimed.length;
  }

  async #sendOne(claimed: ClaimedLetter): Promise<void> {
    const { ledger, route, owner, logger } = this.#o;
    const { record } = claimed;
    const payload = JSON.parse(claimed.payload) as OutboxPayload;
    try {
      const physical = payload.physical === undefined ? undefined : { address: payload.physical.address, ...(await printPdfOption(payload)) };
      const result = await route.send(payload.letter, { channel: payload.channel, ...(physical ? { physical } : {}) });
      await ledger.markSent(record.id, { owner, at: this.#o.now(), ...(result.transmissionId ? { transmissionId: result.transmissionId } : {}), ...(result.channel ? { channel: result.channel } : {}) });
      logger.info({ letterId: record.id, senderSystem: record.senderSystem, attempt: record.attempts, duplicate: result.duplicate, channel: result.channel }, 'letter sent');
    } catch (error) {
      const retryable = !isPostbudError(error) || error.retryable;
      const reason = isPostbudError(error) ? `${error.code}: ${maskCprInText(error.message)}` : maskCprInText(String(error));
      const giveUp = !retryable || record.attempts >= this.#o.maxAttempts;
      const retryAt = giveUp ? undefined : new Date(this.#o.now().getTime() + retryDelayMs(record.attempts));
      await ledger.markSendFailed(record.id, { owner, at: this.#o.now(), error: reason, ...(retryAt ? { retryAt } : {}) });
      logger.warn({ letterId: record.id, attempt: record.attempts, retryAt: retryAt?.toISOString() }, `send failed: ${reason}`);
    }
  }
}
