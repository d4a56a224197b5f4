/**
 * The SF1601 service calls: KombiPostAfsend and PostForespoerg (plus the sandbox's
 * Beskedfordeler pull stand-in), each with `Authorization: Holder-of-key`, `x-TransaktionsId`
 * and `x-TransaktionsTid`. A 401 drops the refused token and the call is retried with a new one
 * (within the retry budget): tokens can expire or be revoked between any two attempts.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { SF1601_ENTITY_IDS, type Sf1601Endpoints } from '../environments/environments.js';
import type { ExecuteOptions, HttpExecutor } from '../transport/HttpExecutor.js';
import { responseText, type HttpRequest, type HttpResponse } from '../transport/Transport.js';
import type { KombitStsClient } from './KombitStsClient.js';
import { parseKombiResponse, type KombiResponse } from './parseKombiResponse.js';

export interface Sf1601ClientSettings {
  readonly executor: HttpExecutor;
  readonly sts: KombitStsClient;
  readonly endpoints: Sf1601Endpoints;
  readonly uuid: () => string;
  readonly now: () => Date;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** Identity of one SF1601 transaction; fixed before the first attempt. */
export interface TransactionIds {
  readonly transactionId: string;
  /** UTC `yyyy-MM-ddTHH:mm:ssZ`. */
  readonly transactionTime: string;
}

const HOLDER_OF_KEY = 'Holder-of-key ';

/** `x-TransaktionsTid` format: UTC without milliseconds. */
export function transactionTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export class Sf1601Client {
  readonly #s: Sf1601ClientSettings;

  constructor(settings: Sf1601ClientSettings) {
    this.#s = settings;
  }

  /** New transaction ids (lookups). Sends create theirs once per letter. */
  newTransaction(): TransactionIds {
    return { transactionId: this.#s.uuid(), transactionTime: transactionTime(this.#s.now()) };
  }

  /** POST kombi_request; answers the parsed kombi_response (Result true or false). */
  async kombi(body: string | Uint8Array, ids: TransactionIds, options: CallOptions = {}): Promise<KombiResponse> {
    const response = await this.#call(
      SF1601_ENTITY_IDS.kombiPostAfsend,
      { method: 'POST', url: this.#s.endpoints.kombiUrl, headers: { 'Content-Type': 'application/xml; charset=UTF-8', Accept: 'application/xml' }, body },
      ids,
      { operation: 'KombiPostAfsend', ...options },
    );
    return parseKombiResponse(responseText(response));
  }

  /** PostForespoerg: whether the recipient can receive `digitalpost` or `nemsms`. */
  async postForespoerg(kind: 'digitalpost' | 'nemsms', id: { readonly cpr: string } | { readonly cvr: string }, options: CallOptions = {}): Promise<boolean> {
    const query = 'cpr' in id ? `cprNumber=${id.cpr}` : `cvrNumber=${id.cvr}`;
    const response = await this.#call(
      SF1601_ENTITY_IDS.postForespoerg,
      { method: 'GET', url: `${this.#s.endpoints.postForespoergBaseUrl}${kind}?${query}`, headers: { Accept: 'application/json' } },
      this.newTransaction(),
      { operation: `PostForespoerg ${kind}`, ...options },
    );
    const json: unknown = safeJson(responseText(response));
    const result = json !== null && typeof json === 'object' ? (json as Record<string, unknown>)['result'] : undefined;
    if (typeof result !== 'boolean') throw new PostbudError('RESPONSE_INVALID', `PostForespoerg ${kind} did not answer {"result": true|false}.`, { fault: 'server' });
    return result;
  }

  /** Sandbox Beskedfordeler pull: up to `max` status envelopes. */
  async fetchStatusMessages(max: number, options: CallOptions = {}): Promise<readonly { readonly id: string; readonly xml: string }[]> {
    const response = await this.#call(
      SF1601_ENTITY_IDS.beskedfordeler,
      { method: 'GET', url: `${this.#s.endpoints.beskedfordelerBaseUrl}messages?max=${max}`, headers: { Accept: 'application/json' } },
      this.newTransaction(),
      { operation: 'Beskedfordeler fetch', ...options },
    );
    const json = safeJson(responseText(response));
    const messages = json !== null && typeof json === 'object' ? (json as Record<string, unknown>)['messages'] : undefined;
    if (!Array.isArray(messages)) throw new PostbudError('RESPONSE_INVALID', 'Beskedfordeler did not answer {"messages": [...]}.', { fault: 'server' });
    return messages.filter((m): m is { id: string; xml: string } => typeof m?.id === 'string' && typeof m?.xml === 'string').map((m) => ({ id: m.id, xml: m.xml }));
  }

  /** Acknowledges (removes) one status message. */
  async acknowledgeStatusMessage(id: string, options: CallOptions = {}): Promise<void> {
    await this.#call(
      SF1601_ENTITY_IDS.beskedfordeler,
      { method: 'DELETE', url: `${this.#s.endpoints.beskedfordelerBaseUrl}messages/${encodeURIComponent(id)}`, headers: {} },
      this.newTransaction(),
      { operation: 'Beskedfordeler acknowledge', acceptStatus: (s) => s === 404, ...options },
    );
  }

  async #call(entityId: string, request: HttpRequest, ids: TransactionIds, options: ExecuteOptions & CallOptions): Promise<HttpResponse> {
    const build = async (): Promise<HttpRequest> => {
      const token = await this.#s.sts.accessToken(entityId, options.signal);
      return { ...request, headers: { ...request.headers, Authorization: `${HOLDER_OF_KEY}${token}`, 'x-TransaktionsId': ids.transactionId, 'x-TransaktionsTid': ids.transactionTime } };
    };
    // A 401 means the token expired or was revoked (it can happen between any two attempts):
    // drop exactly that token and retry within the retry budget; `build` fetches a new one.
    const renewCredential = (refused: HttpRequest): void => {
      const header = refused.headers['Authorization'];
      this.#s.sts.invalidate(entityId, header?.startsWith(HOLDER_OF_KEY) ? header.slice(HOLDER_OF_KEY.length) : undefined);
    };
    return this.#s.executor.execute(await build(), { ...options, prepare: () => build(), renewCredential });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
