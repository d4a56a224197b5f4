/**
 * The route through the SDK's `DigitalPostClient`: SF1601 (or NgDP) for lookup and send,
 * Beskedfordeler pull for SF1601 status events, NgDP inbound memos for replies.
 * The company directory is the sandbox's (the real CVR register is not wired up).
 * @module
 */
import { correlateReply, DigitalPostClient, parseMemo, PostbudError, parsePostStatus } from '@postbud/sdk';
import type { Channel, DigitalPostClientOptions, LetterInput, SendResult } from '@postbud/sdk';
import type { GatewayConfig } from '../config/GatewayConfig.js';
import { ApiError } from '../http/ApiError.js';
import type { LetterChannel, NewStatusEvent } from '../ledger/records.js';
import { routeCredentials } from './routeCredentials.js';
import type { Company, RouteInboundReply, RouteLookup, RoutePort, RouteSendOptions, RouteSendResult, RouteStatusItem } from './RoutePort.js';
import { firstRejection, mapSettled } from '../concurrency/mapSettled.js';

const REPLY_FETCH_CONCURRENCY = 8;

type StatusOutcome = ReturnType<typeof parsePostStatus>;

function toStatusEvent(id: string, s: StatusOutcome, now: Date): NewStatusEvent | undefined {
  if (s.messageUUID === undefined) return undefined;
  const status = s.outcome === 'delivered' ? (s.channel !== undefined && /fysisk/i.test(s.channel) ? 'physical' : 'delivered') : s.outcome === 'failed' ? 'failed' : 'other';
  return {
    eventId: `bf:${s.envelopeMessageId ?? id}`, messageUUID: s.messageUUID.toLowerCase(), status, routeStatus: s.statusCode ?? 'unknown',
    occurredAt: s.transactionTime !== undefined && !Number.isNaN(Date.parse(s.transactionTime)) ? new Date(s.transactionTime).toISOString() : now.toISOString(),
    ...(s.error?.code ? { errorCode: s.error.code } : {}), ...(s.error?.text ? { errorText: s.error.text } : {}),
  };
}

export class SdkRoute implements RoutePort {
  readonly #client: DigitalPostClient;
  readonly #config: GatewayConfig;
  readonly canPrint: boolean;

  /** With the credentials the config names (certificate files, environment variables), loaded and checked now. */
  static async create(config: GatewayConfig, baseDir: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<SdkRoute> {
    return new SdkRoute(config, await routeCredentials(config.route, baseDir, env));
  }

  constructor(config: GatewayConfig, overrides: Partial<DigitalPostClientOptions> = {}) {
    this.#config = config;
    const r = config.route;
    this.canPrint = r.kind !== 'ngdp';
    this.#client = new DigitalPostClient({
      environment: r.kind === 'sandbox' ? 'sandbox' : (r.environment ?? 'test'),
      service: r.kind === 'ngdp' ? 'ngdp' : 'sf1601',
      ...(r.url !== undefined ? { baseUrl: r.url } : {}),
      sender: { cvr: config.authority.cvr, label: config.authority.name },
      lookupCacheTtlMs: 60_000,
      ...overrides,
    });
  }

  async lookup(recipient: { cpr: string } | { cvr: string; pNumber?: string }): Promise<RouteLookup> {
    const r = await this.#client.lookup(recipient);
    return { digitalPost: r.digitalPost, nemSms: r.nemSms, ...(r.reason ? { reason: r.reason } : {}) };
  }

  /**
   * `digital-only`: Digital Post (or NemSMS for a NEMSMS letter). `auto` with an address:
   * SF1601 Automatisk Valg with the MeMo and the print, so SF1601 prints only when the
   * recipient cannot receive Digital Post. `auto` without one: digital after a lookup.
   */
  async send(letter: LetterInput, o: RouteSendOptions): Promise<RouteSendResult> {
    const signal = o.signal ? { signal: o.signal } : {};
    let result: SendResult;
    if (o.channel === 'digital-only') result = await this.#client.send(letter, { channel: letter.messageType === 'NEMSMS' ? 'nemsms' : 'digital', ...signal });
    else if (o.physical !== undefined && this.canPrint) result = await this.#client.send(letter, { channel: 'auto', physical: { address: o.physical.address, ...(o.physical.pdf ? { pdf: o.physical.pdf } : {}) }, ...signal });
    else result = await this.#client.send(letter, { channel: 'auto', ...signal });
    const channel = await this.#actualChannel(result.channel, letter.recipient);
    return { duplicate: result.duplicate, channel, ...(result.transmissionId ? { transmissionId: result.transmissionId } : {}) };
  }

  /** Automatisk Valg: SF1601 chose by the same register the lookup reads (cached, so no extra call in the common case). */
  async #actualChannel(sent: Channel, r: LetterInput['recipient']): Promise<LetterChannel> {
    if (sent !== 'auto') return sent;
    const found = await this.#client.lookup(r.type === 'cpr' ? { cpr: r.cpr } : { cvr: r.cvr });
    return found.digitalPost ? 'digital' : 'physical';
  }

  /**
   * A page of replies, fetched several at a time. A reply that cannot be fetched (after the
   * SDK's retries) is left out and stays at the route for the next round, so one bad fetch
   * does not hold back the page; only when every fetch failed is that an error.
   */
  async fetchReplies(max: number): Promise<readonly RouteInboundReply[]> {
    const page = await this.#client.replies.list({ size: max });
    const ids = page.content.slice(0, max);
    const fetched = await mapSettled(ids, REPLY_FETCH_CONCURRENCY, (id) => this.#fetchReply(id));
    const out = fetched.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = firstRejection(fetched);
    if (out.length === 0 && failed !== undefined) throw failed.reason;
    return out;
  }

  async #fetchReply(id: string): Promise<RouteInboundReply> {
    // Fetched once: the raw bytes are what the case system files; the parsed message gives the correlation.
    const bytes = await this.#client.replies.fetchXml(id);
    const { message } = parseMemo(bytes);
    const c = correlateReply(message);
    const memoXml = new TextDecoder().decode(bytes);
    return {
      id, memoXml, messageUUID: c.messageUUID, title: message.MessageHeader.label,
      ...(c.originalMessageUUID ? { inReplyTo: c.originalMessageUUID.toLowerCase() } : {}),
      ...(c.caseID ? { caseId: c.caseID } : {}), ...(c.contactPointID ? { contactPointId: c.contactPointID.toLowerCase() } : {}),
    };
  }

  async ackReply(id: string): Promise<void> {
    await this.#client.replies.acknowledge(id, { positive: true });
    await this.#client.replies.delete(id);
  }

  async fetchStatuses(max: number): Promise<readonly RouteStatusItem[]> {
    if (this.#config.route.kind === 'ngdp') return []; // NgDP receipts: not wired into the gateway yet.
    const fetched = await this.#client.statuses.fetch(max);
    const now = new Date();
    return fetched.map((f) => {
      const event = toStatusEvent(f.id, f.status, now);
      return { id: f.id, ...(event ? { event } : {}) };
    });
  }

  async ackStatus(id: string): Promise<void> {
    await this.#client.statuses.acknowledge(id);
  }

  async searchCompanies(query: string): Promise<readonly Company[]> {
    const body = (await this.#directory(`?q=${encodeURIComponent(query)}`)) as { companies?: unknown[] } | undefined;
    return (body?.companies ?? []).map(toCompany);
  }

  async getCompany(cvr: string): Promise<Company | undefined> {
    const body = await this.#directory(`/${encodeURIComponent(cvr)}`);
    return body === undefined ? undefined : toCompany(body);
  }

  async close(): Promise<void> {}

  async #directory(suffix: string): Promise<unknown> {
    if (this.#config.route.kind !== 'sandbox' || this.#config.route.url === undefined) {
      throw new ApiError(501, 'COMPANY_DIRECTORY_UNAVAILABLE', 'Company search needs a company register; only the sandbox register is wired up.');
    }
    const res = await fetch(`${this.#config.route.url.replace(/\/$/, '')}/cvr/v1/companies${suffix}`, { signal: AbortSignal.timeout(10_000) });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new PostbudError('HTTP_SERVER_ERROR', `The company register answered ${res.status}.`, { fault: 'server', retryable: true });
    return res.json();
  }
}

function toCompany(raw: unknown): Company {
  const c = raw as { cvr: string; name: string; productionUnits?: { pNumber: string; name: string; address?: { text?: string } }[] };
  return {
    cvr: c.cvr, name: c.name,
    productionUnits: (c.productionUnits ?? []).map((p) => ({ pNumber: p.pNumber, name: p.name, ...(p.address?.text ? { address: p.address.text } : {}) })),
  };
}
