/**
 * A dependency-free progress line. On a terminal it redraws one line (at most every 100 ms);
 * in a log file or CI it writes a plain line every 10 %, so logs stay readable.
 * @module
 */

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export class ProgressBar {
  #lastDraw = 0;
  #lastDecile = -1;
  readonly #started = Date.now();

  constructor(private readonly stream: ProgressStream, private readonly total: number, private readonly label = 'Sender') {}

  update(done: number, failed: number, force = false): void {
    const now = Date.now();
    const fraction = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const rate = done / Math.max(0.001, (now - this.#started) / 1000);
    const text = `${this.label} ${done}/${this.total} (${Math.floor(fraction * 100)} %), fejlet ${failed}, ${rate.toFixed(0)} breve/s`;
    if (this.stream.isTTY) {
      if (!force && now - this.#lastDraw < 100 && done !== this.total) return;
      this.#lastDraw = now;
      const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - text.length - 4));
      const filled = Math.round(fraction * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}\x1b[K`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile === this.#lastDecile && !force) return;
    this.#lastDecile = decile;
    this.stream.write(`${text}\n`);
  }

  /** Ends the redrawn line so the next output starts on its own line. */
  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
