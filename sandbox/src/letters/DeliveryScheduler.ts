/**
 * Accept-then-async, like the real services: an accepted letter is delivered (or fails) a short
 * while later, which produces its status message and, on NgDP, updates its receipt.
 * Letters still pending when the sandbox stopped are picked up again at start.
 * @module
 */
import type { SandboxStore } from '../store/SandboxStore.js';
import type { LetterSummary } from '../store/records.js';
import type { StatusFeed } from '../status/StatusFeed.js';
import type { World } from '../world/World.js';
import { deliveryOutcome } from './deliveryOutcome.js';
import { receiptJson } from '../ngdp/receiptJson.js';

export class DeliveryScheduler {
  readonly #store: SandboxStore;
  readonly #world: World;
  readonly #feed: StatusFeed;
  readonly #delayMs: () => number;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #closed = false;

  constructor(store: SandboxStore, world: World, feed: StatusFeed, delayMs: () => number) {
    this.#store = store;
    this.#world = world;
    this.#feed = feed;
    this.#delayMs = delayMs;
  }

  /** Re-schedules letters left pending by a previous run. */
  resume(): void {
    for (const letter of this.#store.pendingLetters()) this.schedule(letter);
  }

  schedule(letter: LetterSummary): void {
    if (this.#closed) return;
    const notBefore = letter.deliverAfter ?? 0;
    const wait = Math.max(this.#delayMs(), notBefore - Date.now());
    // The timer keeps only the id: a closure over the record would hold every pending letter's
    // content in memory until its delivery (GBs in a long load test with a delivery delay).
    const id = letter.id;
    // Timers above ~24 days overflow; a delayed letter is re-checked daily instead.
    const timer = setTimeout(() => this.#fire(id), Math.min(wait, 86_400_000));
    timer.unref();
    this.#timers.set(id, timer);
  }

  /** Delivers every pending letter now, ignoring delays (`force` also ignores doNotDeliverUntilDate). */
  deliverPending(force = false): number {
    let n = 0;
    for (const letter of this.#store.pendingLetters()) {
      if (!force && letter.deliverAfter !== null && letter.deliverAfter > Date.now()) continue;
      if (this.#deliver(letter.id)) n++;
    }
    return n;
  }

  close(): void {
    this.#closed = true;
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
  }

  #fire(id: string): void {
    this.#timers.delete(id);
    if (this.#closed) return;
    const letter = this.#store.letterSummary(id);
    if (letter && letter.status === 'accepted' && letter.deliverAfter !== null && letter.deliverAfter > Date.now()) {
      this.schedule(letter);
      return;
    }
    this.#deliver(id);
  }

  #deliver(id: string): boolean {
    const timer = this.#timers.get(id);
    if (timer) clearTimeout(timer);
    this.#timers.delete(id);
    const letter = this.#store.letterSummary(id);
    if (!letter || letter.status !== 'accepted') return false;
    const outcome = deliveryOutcome(this.#world, letter);
    const now = new Date();
    const updated: LetterSummary =
      outcome.kind === 'failed'
        ? { ...letter, status: 'failed', failCode: outcome.failure.fejlKode, failText: outcome.failure.fejlTekst }
        : { ...letter, status: outcome.kind, deliveredAt: now.toISOString() };
    this.#store.updateLetter(id, { status: updated.status, failCode: updated.failCode, failText: updated.failText, deliveredAt: updated.deliveredAt });
    this.#feed.record(updated, outcome.kind, outcome.kind === 'failed' ? outcome.failure : undefined, now);
    if (letter.route === 'ngdp') {
      this.#store.upsertReceipt({ id: letter.id, letterId: letter.id, systemId: letter.systemId, json: JSON.stringify(receiptJson(updated, now)), createdAt: now.toISOString(), deleted: false });
    }
    return true;
  }
}
