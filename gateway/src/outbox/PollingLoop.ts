/**
 * Runs a unit of work again and again: at once after it found work, after `intervalMs`
 * when idle, sooner when woken. `stop()` waits for the running round to finish.
 * @module
 */
export class PollingLoop {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(
    private readonly work: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.#stopped = false;
    this.wake();
  }

  /** Runs a round soon (coalesced with one already scheduled). */
  wake(): void {
    if (this.#stopped || this.#running !== undefined) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#round(), 0);
  }

  async #round(): Promise<void> {
    let found = 0;
    this.#running = (async () => {
      try {
        found = await this.work();
      } catch (error) {
        this.onError(error);
      }
    })();
    await this.#running;
    this.#running = undefined;
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#round(), found > 0 ? 0 : this.intervalMs);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
