/**
 * Remembers tokens that passed verification, so a caseworker's every request does not pay an
 * RSA signature check again (the add-in sends the same token for up to an hour). An entry is
 * used only until the token's own expiry (with the verifier's clock tolerance) and at most
 * `maxAgeMs` after its verification, so a key removed from the issuer's JWKS stops being
 * honoured soon. Keyed by the exact token text: any change to it is a miss.
 * @module
 */
import type { Caller } from './Caller.js';

interface Entry {
  readonly caller: Caller;
  /** @unit milliseconds since the epoch */
  readonly until: number;
}

export class VerifiedTokenCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 5_000,
    /** @unit milliseconds */ private readonly maxAgeMs = 5 * 60_000,
  ) {}

  /** The caller of a token verified before and still valid at `nowMs`. */
  get(token: string, nowMs: number): Caller | undefined {
    const e = this.#entries.get(token);
    if (e === undefined) return undefined;
    if (nowMs < e.until) return e.caller;
    this.#entries.delete(token);
    return undefined;
  }

  /** `validUntilMs`: the token's expiry plus the tolerated clock difference. */
  set(token: string, caller: Caller, nowMs: number, validUntilMs: number): void {
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, { caller, until: Math.min(validUntilMs, nowMs + this.maxAgeMs) });
  }
}
