/**
 * NgDP direct REST calls (`/apis/v1/`): send a MeMo, receipts, contacts, and inbound memos
 * for recipient systems. Mutual TLS comes from the transport; the API token is sent as
 * `Authorization: Basic`.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { HttpExecutor } from '../transport/HttpExecutor.js';
import { responseText, type HttpMethod, type HttpResponse } from '../transport/Transport.js';
import { textToBase64 } from '../transport/base64.js';
import { reachabilityFromContacts, type ContactReachability } from './NgdpContact.js';
import { parseNgdpReceipt, parsePagingResult, type NgdpReceipt, type PagingResultUUID } from './NgdpReceipt.js';

export interface NgdpApiToken {
  readonly username: string;
  readonly token: string;
}

export interface NgdpClientSettings {
  readonly executor: HttpExecutor;
  /** Ends with `/apis/v1/`. */
  readonly baseUrl: string;
  readonly apiToken: NgdpApiToken;
}

export interface NgdpCallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** The answer to a send: the receipt, and whether NgDP said it had the message already. */
export interface NgdpSendAnswer {
  readonly status: number;
  readonly receipt: NgdpReceipt;
  readonly duplicate: boolean;
}

export class NgdpClient {
  readonly #s: NgdpClientSettings;

  constructor(settings: NgdpClientSettings) {
    this.#s = settings;
  }

  /** `POST memos/?memo-message-uuid=…`. A 409 (already received) is a success carrying the original receipt. */
  async sendMemo(messageUUID: string, memoXml: string | Uint8Array, options: NgdpCallOptions = {}): Promise<NgdpSendAnswer> {
    const response = await this.#request('POST', `memos/?memo-message-uuid=${encodeURIComponent(messageUUID)}`, 'NgDP send memo', options, {
      body: memoXml,
      contentType: 'application/xml; charset=UTF-8',
      acceptStatus: (s) => s === 409,
    });
    const receipt = parseNgdpReceipt(safeJson(responseText(response)) ?? {});
    const duplicate = response.status === 409 || /DUPLICATE/i.test(receipt.errorCode ?? '');
    return { status: response.status, receipt, duplicate };
  }

  async listReceipts(page = 0, size = 100, options: NgdpCallOptions = {}): Promise<PagingResultUUID> {
    return parsePagingResult(await this.#json('GET', `receipts/?page=${page}&size=${size}`, 'NgDP list receipts', options));
  }

  /** One receipt; with `remove` NgDP deletes it after answering. */
  async getReceipt(id: string, remove = false, options: NgdpCallOptions = {}): Promise<NgdpReceipt> {
    return parseNgdpReceipt(await this.#json('GET', `receipts/${encodeURIComponent(id)}?delete=${remove}`, 'NgDP get receipt', options));
  }

  async deleteReceipt(id: string, options: NgdpCallOptions = {}): Promise<void> {
    await this.#request('DELETE', `receipts/${encodeURIComponent(id)}`, 'NgDP delete receipt', options, { acceptStatus: (s) => s === 404 });
  }

  async contacts(id: { readonly cpr: string } | { readonly cvr: string }, options: NgdpCallOptions = {}): Promise<ContactReachability> {
    const query = 'cpr' in id ? `cprNumber=${id.cpr}` : `cvrNumber=${id.cvr}`;
    return reachabilityFromContacts(await this.#json('GET', `contacts/?${query}`, 'NgDP contacts', options));
  }

  async listInboundMemos(page = 0, size = 100, options: NgdpCallOptions = {}): Promise<PagingResultUUID> {
    return parsePagingResult(await this.#json('GET', `memos/?page=${page}&size=${size}`, 'NgDP list inbound memos', options));
  }

  /** The MeMo XML bytes of one inbound memo. */
  async fetchInboundMemo(id: string, options: NgdpCallOptions = {}): Promise<Uint8Array> {
    return (await this.#request('GET', `memos/${encodeURIComponent(id)}`, 'NgDP fetch inbound memo', options, { accept: 'application/xml' })).body;
  }

  /** Positive or negative business receipt for an inbound memo. */
  async sendBusinessReceipt(id: string, receipt: NgdpReceipt, options: NgdpCallOptions = {}): Promise<void> {
    await this.#request('POST', `memos/${encodeURIComponent(id)}/receipt`, 'NgDP business receipt', options, { body: JSON.stringify(receipt), contentType: 'application/json' });
  }

  async deleteInboundMemo(id: string, options: NgdpCallOptions = {}): Promise<void> {
    await this.#request('DELETE', `memos/${encodeURIComponent(id)}`, 'NgDP delete inbound memo', options, { acceptStatus: (s) => s === 404 });
  }

  async #json(method: HttpMethod, path: string, operation: string, options: NgdpCallOptions): Promise<unknown> {
    const json = safeJson(responseText(await this.#request(method, path, operation, options, {})));
    if (json === undefined) throw new PostbudError('RESPONSE_INVALID', `${operation} did not answer with JSON.`, { fault: 'server' });
    return json;
  }

  #request(
    method: HttpMethod,
    path: string,
    operation: string,
    options: NgdpCallOptions,
    extra: { body?: string | Uint8Array; contentType?: string; accept?: string; acceptStatus?: (s: number) => boolean },
  ): Promise<HttpResponse> {
    const { username, token } = this.#s.apiToken;
    const headers: Record<string, string> = { Accept: extra.accept ?? 'application/json', Authorization: `Basic ${textToBase64(`${username}:${token}`)}` };
    if (extra.contentType) headers['Content-Type'] = extra.contentType;
    return this.#s.executor.execute(
      { method, url: `${this.#s.baseUrl}${path}`, headers, ...(extra.body === undefined ? {} : { body: extra.body }) },
      { operation, ...options, ...(extra.acceptStatus ? { acceptStatus: extra.acceptStatus } : {}) },
    );
  }
}

function safeJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
