/**
 * The Digital Post client: configured once (frozen), then `lookup`, `send`, `sendMany`,
 * receipts, replies and delivery statuses over SF1601 or NgDP.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { KombitStsClient } from '../sf1601/KombitStsClient.js';
import { Sf1601Client } from '../sf1601/Sf1601Client.js';
import { NgdpClient } from '../ngdp/NgdpClient.js';
import { HttpExecutor } from '../transport/HttpExecutor.js';
import { DEFAULT_RETRY_POLICY } from '../transport/RetryPolicy.js';
import { LookupCache } from '../lookup/LookupCache.js';
import { describeRecipient, normaliseRecipient, type NormalisedRecipient, type RecipientId } from '../lookup/RecipientId.js';
import type { LookupResult } from '../lookup/LookupResult.js';
import { lookupRecipient } from '../lookup/lookupRecipient.js';
import { checkPostalAddress } from '../send/preparePhysical.js';
import { prepareLetter } from '../send/prepareLetter.js';
import type { ClientLetter } from '../send/ClientLetter.js';
import type { Channel, RouteSendAnswer, SendOptions, SendResult } from '../send/SendResult.js';
import { sendViaNgdp } from '../send/sendViaNgdp.js';
import { sendViaSf1601 } from '../send/sendViaSf1601.js';
import { resolveClientConfig, type DigitalPostClientOptions, type ResolvedClientConfig } from './ClientOptions.js';
import { mapConcurrent } from './mapConcurrent.js';
import { AttemptRecorder } from './AttemptRecorder.js';
import { withAttempts } from './withAttempts.js';
import { iterateSendMany, runSendMany, type BatchLetter, type SendManyItem, type SendManyOptions, type SendManySummary } from './sendMany.js';
import { InboundMemos } from '../replies/InboundMemos.js';
import { StatusMessages } from '../status/StatusMessages.js';
import { ReceiptsApi } from '../ngdp/ReceiptsApi.js';

export interface LookupOptions {
  readonly signal?: AbortSignal;
  /** Skip the cache for this call. */
  readonly fresh?: boolean;
}

export type LookupManyItem = { readonly id: RecipientId; readonly ok: true; readonly result: LookupResult } | { readonly id: RecipientId; readonly ok: false; readonly error: unknown };

export class DigitalPostClient {
  /** The resolved, frozen configuration. */
  readonly config: ResolvedClientConfig;
  /** NgDP receipts (pull): list, get, delete. */
  readonly receipts: ReceiptsApi;
  /** Inbound MeMos (replies) for recipient systems: list, fetch, business receipt, delete. */
  readonly replies: InboundMemos;
  /** SF1601 delivery statuses (Beskedfordeler PKO_PostStatus): parse pushed messages, or pull from the sandbox. */
  readonly statuses: StatusMessages;
  readonly #sf1601: Sf1601Client;
  readonly #ngdp: NgdpClient;
  readonly #executor: HttpExecutor;
  readonly #lookupCache: LookupCache<LookupResult>;
  readonly #attempts = new AttemptRecorder();

  constructor(options: DigitalPostClientOptions) {
    this.config = resolveClientConfig(options);
    const c = this.config;
    this.#executor = new HttpExecutor({ transport: this.#attempts.wrap(c.transport), logger: c.logger, retry: c.retry, timeoutMs: c.timeoutMs, random: c.random });
    const sts = new KombitStsClient({ executor: this.#executor, endpoints: c.environment.sf1601, authorityCvr: c.sender.cvr, certificateBase64: c.certificateBase64, now: () => c.now().getTime() });
    this.#sf1601 = new Sf1601Client({ executor: this.#executor, sts, endpoints: c.environment.sf1601, uuid: c.uuid, now: c.now });
    this.#ngdp = new NgdpClient({ executor: this.#executor, baseUrl: c.environment.ngdpBaseUrl, apiToken: c.ngdpApiToken });
    this.#lookupCache = new LookupCache(c.lookupCacheTtlMs, () => c.now().getTime());
    this.receipts = new ReceiptsApi(this.#ngdp);
    this.replies = new InboundMemos(this.#ngdp);
    this.statuses = new StatusMessages(this.#sf1601);
    Object.freeze(this);
  }

  /** Can the recipient (CPR, CVR, or CVR + P-number) receive Digital Post and NemSMS? Cached for `lookupCacheTtlMs`. */
  async lookup(id: RecipientId, options: LookupOptions = {}): Promise<LookupResult> {
    const recipient = normaliseRecipient(id);
    const key = recipient.type === 'cpr' ? recipient.cpr : recipient.cvr;
    if (!options.fresh) {
      const cached = this.#lookupCache.peek(key);
      if (cached) return { ...cached, recipient, fromCache: true };
    }
    const result = await this.#lookupCache.getOrLoad(key, () => lookupRecipient(recipient, { service: this.config.service, sf1601: this.#sf1601, ngdp: this.#ngdp, now: this.config.now }, options.signal));
    return { ...result, recipient };
  }

  /** Looks up many recipients with at most `concurrency` calls at a time; one failure does not stop the rest. Results keep input order. */
  async lookupMany(ids: Iterable<RecipientId> | AsyncIterable<RecipientId>, options: LookupOptions & { readonly concurrency?: number } = {}): Promise<LookupManyItem[]> {
    const results: LookupManyItem[] = [];
    for await (const outcome of mapConcurrent(ids, options.concurrency ?? 8, (id) => this.lookup(id, options))) {
      results[outcome.index] = outcome.ok ? { id: outcome.item, ok: true, result: outcome.value } : { id: outcome.item, ok: false, error: outcome.error };
    }
    return results;
  }

  /**
   * Builds the MeMo, validates it, chooses the channel and sends. The message UUID and
   * transaction id are fixed before the first attempt and reused on every retry.
   */
  async send(letter: ClientLetter, options: SendOptions = {}): Promise<SendResult> {
    const requested = options.channel ?? this.config.defaultChannel;
    const prepared = prepareLetter(letter, requested, options.transactionId, this.config);
    if (options.physical && (requested === 'physical' || requested === 'auto')) checkPostalAddress(options.physical.address);
    const channel = await this.#resolveChannel(requested, prepared.recipient, options);
    const call = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retry ? { retry: { ...DEFAULT_RETRY_POLICY, ...this.config.retry, ...options.retry } } : {}),
    };
    this.config.logger.debug(`sending ${prepared.messageUUID} to ${describeRecipient(prepared.recipient)} via ${this.config.service} (${channel})`);
    const watch = this.#attempts.watch(prepared);
    let answer: RouteSendAnswer;
    try {
      answer =
        this.config.service === 'sf1601'
          ? await sendViaSf1601(this.#sf1601, prepared, channel, options.physical, call)
          : await sendViaNgdp(this.#ngdp, prepared, ngdpChannel(channel), call);
    } catch (error) {
      watch.stop();
      throw error;
    }
    const result = withAttempts(answer, watch.stop());
    const note = result.recoveredAfterLostResponse ? ' [an earlier answer was lost: possibly the original receipt]' : result.duplicate ? ' [duplicate: original receipt]' : '';
    this.config.logger.info(`sent ${result.messageUUID} via ${result.service} (${result.channel}) in ${result.attempts} attempt(s)${note}`, { transmissionId: result.transmissionId });
    return result;
  }

  /**
   * Sends many letters with bounded concurrency and memory. Letters are pulled from the
   * (async) iterable only as slots free up; each result goes to `onResult`, and is collected
   * into `summary.results` unless `collectResults` is false. A failing letter never stops the batch.
   */
  sendMany(letters: Iterable<ClientLetter | BatchLetter> | AsyncIterable<ClientLetter | BatchLetter>, options: SendManyOptions = {}): Promise<SendManySummary> {
    return runSendMany((letter, opts) => this.send(letter, opts), letters, options);
  }

  /** Like {@link sendMany}, as an async iterator of per-letter results (in completion order). */
  sendManyIterator(letters: Iterable<ClientLetter | BatchLetter> | AsyncIterable<ClientLetter | BatchLetter>, options: Omit<SendManyOptions, 'onResult' | 'collectResults'> = {}): AsyncGenerator<SendManyItem> {
    return iterateSendMany((letter, opts) => this.send(letter, opts), letters, options);
  }

  async #resolveChannel(requested: Channel, recipient: NormalisedRecipient, options: SendOptions): Promise<Channel> {
    if (requested === 'physical' && this.config.service === 'ngdp') {
      throw new PostbudError('CHANNEL_NOT_POSSIBLE', 'NgDP direct has no physical (fjernprint) channel: send physical post through SF1601 (service: "sf1601").');
    }
    if (requested !== 'auto') return requested;
    if (this.config.service === 'sf1601' && options.physical) return 'auto';
    const found = await this.lookup(recipient.type === 'cpr' ? { cpr: recipient.cpr } : { cvr: recipient.cvr }, options.signal ? { signal: options.signal } : {});
    if (found.digitalPost) return 'digital';
    const how = this.config.service === 'sf1601' ? 'Pass physical.address (and a PDF letter) to fall back to fjernprint.' : 'NgDP cannot print; send it through SF1601 with physical.address.';
    throw new PostbudError('RECIPIENT_NOT_REACHABLE', `${describeRecipient(recipient)} cannot receive Digital Post${found.reason ? ` (${found.reason})` : ''}. ${how}`, { details: { ...(found.reason ? { reason: found.reason } : {}) } });
  }
}

function ngdpChannel(channel: Channel): 'digital' | 'nemsms' {
  return channel === 'nemsms' ? 'nemsms' : 'digital';
}

