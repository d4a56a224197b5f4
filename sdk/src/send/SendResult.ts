/**
 * What a send returns: the letter's identity (fixed before the first attempt, reused on
 * every retry), the server's correlation id and the raw receipt.
 * @module
 */
import type { ServiceName } from '../client/ClientOptions.js';
import type { PhysicalPostOptions } from './PhysicalLetter.js';
import type { RetryPolicy } from '../transport/RetryPolicy.js';

/** `auto`: digital when the recipient can receive it, otherwise physical (fjernprint). */
export type Channel = 'digital' | 'physical' | 'nemsms' | 'auto';

export interface SendOptions {
  /** @default the client's `defaults.channel` ('digital') */
  readonly channel?: Channel;
  /** Fjernprint details: required for `physical`; with `auto` on SF1601 they enable `Automatisk Valg`. */
  readonly physical?: PhysicalPostOptions;
  /** Your own transaction id (a v4 UUID), e.g. derived from the case-system document id. Default: a new one per letter. */
  readonly transactionId?: string;
  readonly signal?: AbortSignal;
  /** @unit milliseconds */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
}

export interface SendResult {
  readonly messageUUID: string;
  /** SF1601 `x-TransaktionsId` (also used as reference for NgDP sends). */
  readonly transactionId: string;
  /** SF1601 TransmissionID / NgDP transmissionId; absent when the server gave none (some physical answers). */
  readonly transmissionId?: string;
  /** The channel the letter was sent on; `auto` when SF1601 decides (`Automatisk Valg`). */
  readonly channel: Channel;
  readonly service: ServiceName;
  /** NgDP `receiptStatus` (e.g. `RECEIVED`), or `Result=true` for SF1601. */
  readonly receiptStatus: string;
  /**
   * The letter had (or may have had) reached the server before this answer, so this answer is
   * (or may be) the original receipt of an earlier attempt: the server said so (NgDP 409 or a
   * duplicate FejlKode), or {@link recoveredAfterLostResponse} is true. The recipient gets the
   * letter once either way, since every attempt carries the same messageUUID.
   */
  readonly duplicate: boolean;
  /** HTTP attempts this send made for the letter (1 = no retry). */
  readonly attempts: number;
  /**
   * An earlier attempt may have reached the server but its answer was lost (reset, timeout,
   * 502/504), and a retry then succeeded. Servers that answer a repeated messageUUID with the
   * original receipt (HTTP 200/201, same TransmissionID) make this indistinguishable from a
   * first acceptance, so the SDK reports it as a (possible) duplicate.
   */
  readonly recoveredAfterLostResponse: boolean;
  /** The raw receipt: kombi_response XML or NgDP Receipt JSON text. */
  readonly rawReceipt: string;
}

/** What a route (SF1601, NgDP) answered for one send, before the client adds what it saw of the attempts. */
export type RouteSendAnswer = Omit<SendResult, 'attempts' | 'recoveredAfterLostResponse'>;
