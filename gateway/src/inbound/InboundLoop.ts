/**
 * Fetches replies and status events from the route, stores them, and only then acknowledges
 * them (so a crash in between means fetching again, and the ledger ignores the duplicate).
 * Then hands stored events to the plugin of the sender system that sent the letter.
 * @module
 */
import { maskCprInText } from '@postbud/sdk';
import type { SenderSystemPlugin } from '@postbud/sdk';
import type { Logger } from 'pino';
import type { Ledger } from '../ledger/Ledger.js';
import type { RoutePort } from '../route/RoutePort.js';
import { firstRejection, mapSettled } from '../concurrency/mapSettled.js';
import { deliverToPlugin } from './deliverToPlugin.js';

export interface InboundLoopOptions {
  readonly ledger: Ledger;
  readonly route: RoutePort;
  readonly plugins: ReadonlyMap<string, SenderSystemPlugin>;
  readonly logger: Logger;
  readonly batchSize?: number;
}

/** Acknowledgements (and replies being stored) in flight at once. */
const ROUTE_CONCURRENCY = 16;

/** A rolling window of `limit` calls over `items`; every item is tried, the first failure thrown at the end. */
async function forEachConcurrent<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const failed = firstRejection(await mapSettled(items, limit, fn));
  if (failed !== undefined) throw failed.reason;
}

export class InboundLoop {
  readonly #o: InboundLoopOptions;

  constructor(options: InboundLoopOptions) {
    this.#o = options;
  }

  /**
   * One round. The three parts are independent: a route fault in one (say the reply list after
   * all its retries) must not keep status events or plugin deliveries waiting for the next round.
   * The first failure is thrown after all three ran, so the loop still reports it.
   */
  async runOnce(): Promise<number> {
    let failure: { error: unknown } | undefined;
    let found = 0;
    for (const part of [() => this.#replies(), () => this.#statuses(), () => this.#deliver()]) {
      try {
        found += await part();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure !== undefined) throw failure.error;
    return found;
  }

  async #replies(): Promise<number> {
    const { route, ledger, logger } = this.#o;
    const items = await route.fetchReplies(this.#o.batchSize ?? 20);
    await forEachConcurrent(items, ROUTE_CONCURRENCY, async (item) => {
      try {
        const { id, memoXml, messageUUID, title, inReplyTo, caseId, contactPointId } = item;
        const stored = await ledger.recordReply({
          replyId: id, replyMessageUUID: messageUUID, title, receivedAt: new Date().toISOString(), memoXml,
          ...(inReplyTo ? { inReplyTo } : {}), ...(caseId ? { caseId } : {}), ...(contactPointId ? { contactPointId } : {}),
        });
        await route.ackReply(item.id);
        logger.info({ replyId: item.id, letterId: stored.letterId, correlatedBy: stored.correlatedBy }, 'reply stored');
      } catch (error) {
        logger.error({ replyId: item.id }, `reply not stored: ${maskCprInText(error instanceof Error ? error.message : String(error))}`);
      }
    });
    return items.length;
  }

  /** A page of status events is stored in one go (one ledger commit), then acknowledged. */
  async #statuses(): Promise<number> {
    const { route, ledger, logger } = this.#o;
    // Large pages: each fetch is one round trip (with retries) before any of its events is stored.
    const items = await route.fetchStatuses(this.#o.batchSize ?? 200);
    const stored = await Promise.allSettled(items.map((item) => (item.event === undefined ? Promise.resolve(undefined) : ledger.recordStatus(item.event))));
    const storedIds: string[] = [];
    let failure: unknown;
    items.forEach((item, i) => {
      const s = stored[i] as PromiseSettledResult<boolean | undefined>;
      if (s.status === 'rejected') {
        failure ??= s.reason; // not acknowledged: fetched and stored again next round
        return;
      }
      if (item.event !== undefined) logger.info({ messageUUID: item.event.messageUUID, status: item.event.status, matched: s.value }, 'status event stored');
      else logger.warn({ statusId: item.id }, 'status message without MessageUUID ignored');
      storedIds.push(item.id);
    });
    try {
      await forEachConcurrent(storedIds, ROUTE_CONCURRENCY, (id) => route.ackStatus(id));
    } catch (error) {
      failure ??= error; // not acknowledged: fetched again next round and stored idempotently
    }
    if (failure !== undefined) throw failure;
    return items.length;
  }

  async #deliver(): Promise<number> {
    const { ledger, plugins, logger } = this.#o;
    const pending = await ledger.pendingDeliveries(50);
    // Plugins are called in order, one at a time; the "delivered" marks are committed together.
    const marks: Promise<void>[] = [];
    for (const p of pending) {
      const plugin = plugins.get(p.letter.senderSystem);
      try {
        if (plugin !== undefined) await deliverToPlugin(plugin, p);
        marks.push(ledger.markDelivered(p.event.eventId, new Date()));
      } catch (error) {
        // Left pending: delivered again next round (at least once).
        logger.warn({ eventId: p.event.eventId, senderSystem: p.letter.senderSystem }, `plugin callback failed: ${maskCprInText(String(error))}`);
      }
    }
    const marked = await Promise.allSettled(marks);
    const failed = marked.find((m): m is PromiseRejectedResult => m.status === 'rejected');
    if (failed !== undefined) throw failed.reason; // those events are delivered again next round (at least once)
    return marks.length;
  }
}
