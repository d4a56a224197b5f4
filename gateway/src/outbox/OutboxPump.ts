/**
 * Runs the outbox continuously with a rolling window: up to `concurrency` sends in flight,
 * and a new letter claimed as soon as one finishes, so one slow send (the route holding a
 * letter, a retry) never idles the other slots the way claiming a batch and waiting for
 * all of it does. Idle, it polls every `intervalMs`, sooner when woken (a letter accepted).
 * `stop()` waits for the sends in flight.
 * @module
 */
import type { ClaimedLetter } from '../ledger/records.js';

export interface OutboxPumpWorker {
  readonly concurrency: number;
  claim(limit: number): Promise<readonly ClaimedLetter[]>;
  send(claimed: ClaimedLetter): Promise<void>;
}

export class OutboxPump {
  readonly #inFlight = new Set<Promise<void>>();
  #stopped = true;
  #loop: Promise<void> | undefined;
  /** Set by wake() or a finished send; the loop sleeps until one of them (or the interval). */
  #woken = false;
  #slotFreed = false;
  #notify: (() => void) | undefined;

  constructor(
    private readonly worker: OutboxPumpWorker,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#loop = this.#run();
  }

  /** There may be new work (a letter was accepted): claim now rather than at the next poll. */
  wake(): void {
    this.#woken = true;
    this.#notify?.();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#notify?.();
    await this.#loop;
    await Promise.all(this.#inFlight);
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      const free = this.worker.concurrency - this.#inFlight.size;
      let full = free <= 0;
      if (!full) {
        this.#woken = false;
        try {
          const claimed = await this.worker.claim(free);
          for (const c of claimed) this.#start(c);
          full = claimed.length === free; // more may be due: claim again when a slot frees
        } catch (error) {
          this.onError(error);
        }
      }
      if (!this.#stopped) await this.#sleep(full);
    }
  }

  #start(claimed: ClaimedLetter): void {
    const sending: Promise<void> = this.worker.send(claimed).catch(this.onError).finally(() => {
      this.#inFlight.delete(sending);
      this.#slotFreed = true;
      this.#notify?.();
    });
    this.#inFlight.add(sending);
  }

  /** Full window: until a slot frees. Otherwise: until woken or the interval passes. */
  #sleep(full: boolean): Promise<void> {
    if (full ? this.#slotFreed : this.#woken) {
      this.#slotFreed = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.#notify = undefined;
        this.#slotFreed = false;
        resolve();
      };
      if (!full) timer = setTimeout(done, this.intervalMs);
      this.#notify = () => {
        if (this.#stopped || (full ? this.#slotFreed : this.#woken)) done();
      };
    });
  }
}
