/**
 * Sends what the outbox holds. A letter is claimed under a lease, sent with its fixed
 * messageUUID (so a retry, or a re-send after a crash, is answered with the original
 * receipt), and marked sent. Only a fault of the letter itself rejects it; any other failure
 * (route down, credentials, configuration) keeps it in the outbox with back-off, logged, and
 * shown by {@link OutboxWorker.routeHealth} (readiness).
 * @module
 */
import { isPostbudError, maskCprInText } from '@postbud/sdk';
import type { Logger } from 'pino';
import type { Ledger } from '../ledger/Ledger.js';
import type { ClaimedLetter } from '../ledger/records.js';
import type { OutboxPayload } from '../letters/OutboxPayload.js';
import { printPdf } from '../letters/printPdf.js';
import type { RoutePort } from '../route/RoutePort.js';
import { classifySendFailure } from './classifySendFailure.js';

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
  /**
   * Attempts after which a letter still waiting for the route is logged as an error on every
   * further attempt (it is never rejected for a fault that is not its own). @default 10
   */
  readonly alertAfterAttempts?: number;
  readonly now?: () => Date;
}

/** Whether sends reach the route: `ok` false from the first failure not caused by a letter until a send succeeds. */
export interface RouteHealth {
  readonly ok: boolean;
  /** ISO time of the first failure of the current run of failures. */
  readonly failingSince?: string;
  /** The latest failure, masked (`CODE: message`). */
  readonly lastError?: string;
  readonly consecutiveFailures: number;
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
  #health: RouteHealth = { ok: true, consecutiveFailures: 0 };

  constructor(options: OutboxWorkerOptions) {
    this.#o = { leaseMs: 120_000, batchSize: 20, alertAfterAttempts: 10, now: () => new Date(), ...options };
  }

  /** Whether the latest sends reached the route (for readiness and monitoring). */
  routeHealth(): RouteHealth {
    return this.#health;
  }

  /** Letters a caller should keep in flight at most (the batch size). */
  get concurrency(): number {
    return this.#o.batchSize;
  }

  /** One round: claim, send, record. Returns how many letters it handled. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim(this.#o.batchSize);
    await Promise.all(claimed.map((c) => this.send(c)));
    return claimed.length;
  }

  /** Leases up to `limit` due letters to this worker. */
  claim(limit: number): Promise<readonly ClaimedLetter[]> {
    const { ledger, owner, leaseMs } = this.#o;
    return ledger.claimOutbox({ owner, leaseMs, limit, now: this.#o.now() });
  }

  /** Sends one claimed letter and records the outcome (a failed send is recorded, not thrown; a ledger failure is thrown). */
  async send(claimed: ClaimedLetter): Promise<void> {
    const { ledger, route, owner, logger } = this.#o;
    const { record } = claimed;
    const payload = JSON.parse(claimed.payload) as OutboxPayload;
    try {
      const physical = payload.physical === undefined ? undefined : { address: payload.physical.address, ...(await printPdfOption(payload)) };
      const result = await route.send(payload.letter, { channel: payload.channel, ...(physical ? { physical } : {}) });
      await ledger.markSent(record.id, { owner, at: this.#o.now(), ...(result.transmissionId ? { transmissionId: result.transmissionId } : {}), ...(result.channel ? { channel: result.channel } : {}) });
      this.#health = { ok: true, consecutiveFailures: 0 };
      logger.info({ letterId: record.id, senderSystem: record.senderSystem, attempt: record.attempts, duplicate: result.duplicate, channel: result.channel }, 'letter sent');
    } catch (error) {
      await this.#failed(claimed, error);
    }
  }

  async #failed({ record }: ClaimedLetter, error: unknown): Promise<void> {
    const { ledger, owner, logger } = this.#o;
    const kind = classifySendFailure(error);
    const reason = isPostbudError(error) ? `${error.code}: ${maskCprInText(error.message)}` : maskCprInText(String(error));
    const at = this.#o.now();
    const retryAt = kind === 'letter' ? undefined : new Date(at.getTime() + retryDelayMs(record.attempts));
    await ledger.markSendFailed(record.id, { owner, at, error: reason, ...(retryAt ? { retryAt } : {}) });
    const fields = { letterId: record.id, senderSystem: record.senderSystem, attempt: record.attempts, fault: kind, retryAt: retryAt?.toISOString() };
    if (kind === 'letter') {
      logger.warn(fields, `letter rejected: ${reason}`);
      return;
    }
    const h = this.#health;
    this.#health = { ok: false, failingSince: h.failingSince ?? at.toISOString(), lastError: reason, consecutiveFailures: h.consecutiveFailures + 1 };
    // Credentials, configuration or a long outage need a person; a passing 503 does not.
    if (kind === 'operator' || record.attempts >= this.#o.alertAfterAttempts) logger.error(fields, `send failed, the letter stays in the outbox and is retried; fix the route (credentials, certificate, configuration) if this persists: ${reason}`);
    else logger.warn(fields, `send failed, retried later: ${reason}`);
  }
}
