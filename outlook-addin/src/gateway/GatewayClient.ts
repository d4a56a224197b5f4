/**
 * Typed access to the Postbud gateway's HTTP API over `fetch`, with a bearer token from a
 * {@link TokenProvider}. Every failure becomes a `PostbudError` whose code the UI turns into
 * plain words (see `i18n/describeError.ts`).
 * @module
 */
import { PostbudError } from '@postbud/sdk';
import type { TokenProvider } from '../auth/TokenProvider.js';
import { parseCompanies, parseCompany, parseLetter, parseLetterWithHistory, parseLookup, parseMe } from './parseResponses.js';
import type { Company, Letter, LetterRequest, LetterWithHistory, LookupRequest, LookupResult, Me, Recipient } from './types.js';

/** The lookup body for a recipient: `{cpr}` or `{cvr, pNumber?}`. */
export function lookupRequest(recipient: Recipient): LookupRequest {
  if (recipient.type === 'cpr') return { cpr: recipient.cpr };
  return { cvr: recipient.cvr, ...(recipient.pNumber ? { pNumber: recipient.pNumber } : {}) };
}

export interface GatewayClientOptions {
  /** e.g. `https://postbud.kommune.dk` (no trailing `/v1`). */
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  readonly fetch?: typeof fetch;
  /** @unit milliseconds */
  readonly timeoutMs?: number;
}

interface RequestSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export class GatewayClient {
  readonly #base: string;
  readonly #tokens: TokenProvider;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: GatewayClientOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#tokens = options.tokens;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  async me(): Promise<Me> {
    return parseMe(await this.#request({ method: 'GET', path: '/v1/me' }));
  }

  /** POST, so that a CPR number never appears in a URL or an access log. */
  async lookup(recipient: Recipient): Promise<LookupResult> {
    return parseLookup(await this.#request({ method: 'POST', path: '/v1/lookup', body: lookupRequest(recipient) }));
  }

  async searchCompanies(query: string): Promise<readonly Company[]> {
    return parseCompanies(await this.#request({ method: 'GET', path: `/v1/companies?q=${encodeURIComponent(query)}` }));
  }

  async company(cvr: string): Promise<Company> {
    return parseCompany(await this.#request({ method: 'GET', path: `/v1/companies/${encodeURIComponent(cvr)}` }));
  }

  /**
   * Sends a letter. The same `idempotencyKey` on a retry makes the gateway answer with the
   * letter it already accepted (200, same id) instead of sending it twice.
   */
  async sendLetter(letter: LetterRequest, idempotencyKey: string): Promise<Letter> {
    return parseLetter(await this.#request({
      method: 'POST', path: '/v1/letters', body: letter,
      headers: { 'Idempotency-Key': idempotencyKey }, timeoutMs: Math.max(this.#timeoutMs, 120_000),
    }));
  }

  async letterStatus(id: string): Promise<LetterWithHistory> {
    return parseLetterWithHistory(await this.#request({ method: 'GET', path: `/v1/letters/${encodeURIComponent(id)}` }));
  }

  async #request(spec: RequestSpec): Promise<unknown> {
    const token = await this.#tokens.getToken();
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}`, ...spec.headers };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.#fetch(this.#base + spec.path, {
        method: spec.method, headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal: AbortSignal.timeout(spec.timeoutMs ?? this.#timeoutMs),
      });
    } catch (cause) {
      throw transportError(cause, spec.path);
    }
    const text = await response.text();
    if (!response.ok) throw httpError(response.status, text, spec.path);
    try {
      return text === '' ? {} : (JSON.parse(text) as unknown);
    } catch (cause) {
      throw new PostbudError('RESPONSE_INVALID', `The gateway's answer to ${spec.path} is not JSON.`, { fault: 'server', cause });
    }
  }
}

function transportError(cause: unknown, path: string): PostbudError {
  // Not `instanceof Error`: a DOMException from another realm (Node's fetch under a VM) is not one.
  const name = typeof cause === 'object' && cause !== null ? String((cause as { name?: unknown }).name) : '';
  if (name === 'TimeoutError') {
    return new PostbudError('TIMEOUT', `The gateway did not answer ${path} in time.`, { fault: 'unknown', retryable: true, cause });
  }
  return new PostbudError('NETWORK_ERROR', `The gateway could not be reached for ${path}.`, { fault: 'unknown', retryable: true, cause });
}

/** The gateway's error body, when it has one: `{ error: { code, message } }`. */
function gatewayProblem(text: string): { code?: string; message?: string } {
  try {
    const o = JSON.parse(text) as unknown;
    if (typeof o !== 'object' || o === null) return {};
    // The gateway nests its problem as { error: { code, message } }; accept a flat body too.
    const outer = o as Record<string, unknown>;
    const inner = outer['error'];
    const r = typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : outer;
    return {
      ...(typeof r['code'] === 'string' ? { code: r['code'] } : {}),
      ...(typeof r['message'] === 'string' ? { message: r['message'] } : {}),
    };
  } catch {
    return {};
  }
}

function httpError(status: number, text: string, path: string): PostbudError {
  const problem = gatewayProblem(text);
  const details = { status, path, ...(problem.code ? { gatewayCode: problem.code } : {}), ...(problem.message ? { gatewayMessage: problem.message } : {}) };
  const said = problem.message ? `: ${problem.message}` : '';
  if (status === 401 || status === 403) {
    return new PostbudError('AUTH_FAILED', `The gateway refused the sign-in (${status})${said}.`, { details });
  }
  if (status === 429) return new PostbudError('RATE_LIMITED', `Too many requests${said}.`, { retryable: true, details });
  if (status === 413) return new PostbudError('LETTER_TOO_LARGE', `The letter is too large for the gateway${said}.`, { details });
  if (status >= 500) {
    return new PostbudError('HTTP_SERVER_ERROR', `The gateway failed (${status})${said}.`, { fault: 'server', retryable: true, details });
  }
  const code = problem.code === 'RECIPIENT_NOT_REACHABLE' ? 'RECIPIENT_NOT_REACHABLE' : path.startsWith('/v1/letters') && status !== 404 ? 'SEND_REJECTED' : 'HTTP_CLIENT_ERROR';
  return new PostbudError(code, `The gateway rejected the request (${status})${said}.`, { details });
}
