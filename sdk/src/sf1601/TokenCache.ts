/**
 * Caches expiring tokens per key, renews them early, and shares one in-flight request among
 * concurrent callers (so 50 parallel sends fetch one token, not 50).
 * @module
 */

export interface ExpiringToken<T> {
  readonly value: T;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export class TokenCache<T> {
  readonly #entries = new Map<string, ExpiringToken<T>>();
  readonly #inFlight = new Map<string, Promise<ExpiringToken<T>>>();
  readonly #now: () => number;
  readonly #renewBeforeMs: number;

  /** @param renewBeforeMs renew this long before expiry (capped at half the token's lifetime). */
  constructor(now: () => number, renewBeforeMs: number) {
    this.#now = now;
    this.#renewBeforeMs = renewBeforeMs;
  }

  async get(key: string, fetch: () => Promise<ExpiringToken<T>>): Promise<T> {
    const cached = this.#entries.get(key);
    if (cached && this.#fresh(cached)) return cached.value;
    let pending = this.#inFlight.get(key);
    if (!pending) {
      const issuedAt = this.#now();
      pending = fetch().then(
        (token) => {
          this.#entries.set(key, { value: token.value, expiresAt: this.#renewAt(issuedAt, token.expiresAt) });
          this.#inFlight.delete(key);
          return token;
        },
        (error: unknown) => {
          this.#inFlight.delete(key);
          throw error;
        },
      );
      this.#inFlight.set(key, pending);
    }
    return (await pending).value;
  }

  /**
   * Forgets a token (e.g. after the service answered 401). With `value`, only when that is
   * still the cached one: a caller whose request was refused with an old token must not drop
   * the new token another caller has fetched meanwhile (that would refetch for every 401).
   */
  invalidate(key: string, value?: T): void {
    if (value !== undefined && this.#entries.get(key)?.value !== value) return;
    this.#entries.delete(key);
  }

  #renewAt(issuedAt: number, expiresAt: number): number {
    const margin = Math.min(this.#renewBeforeMs, (expiresAt - issuedAt) / 2);
    return expiresAt - margin;
  }

  #fresh(entry: ExpiringToken<T>): boolean {
    return this.#now() < entry.expiresAt;
  }
}
