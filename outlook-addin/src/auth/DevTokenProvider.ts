/**
 * Development and test sign-in: a token from the sandbox's identity provider (OAuth 2.0
 * token endpoint, found through OpenID discovery when only the issuer is configured).
 * Never used in production builds' default configuration.
 * @module
 */
import { PostbudError } from '@postbud/sdk';
import type { TokenProvider } from './TokenProvider.js';

export interface DevTokenOptions {
  /** The IdP's issuer, e.g. `http://127.0.0.1:4000/idp`; used for discovery when `tokenEndpoint` is absent. */
  readonly issuer?: string;
  readonly tokenEndpoint?: string;
  readonly clientId: string;
  /** The fictional caseworker to sign in as. */
  readonly username: string;
  readonly scope: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

function authFailed(message: string, cause?: unknown): PostbudError {
  return new PostbudError('AUTH_FAILED', message, { fault: 'unknown', retryable: true, cause });
}

export class DevTokenProvider implements TokenProvider {
  readonly #o: DevTokenOptions;
  readonly #fetch: typeof fetch;
  #cached: { token: string; expiresAt: number } | undefined;

  constructor(options: DevTokenOptions) {
    this.#o = options;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async getToken(): Promise<string> {
    const now = (this.#o.now ?? Date.now)();
    if (this.#cached && this.#cached.expiresAt - 60_000 > now) return this.#cached.token;
    const body = new URLSearchParams({ grant_type: 'password', client_id: this.#o.clientId, username: this.#o.username, scope: this.#o.scope });
    const json = await this.#json(await this.#tokenEndpoint(), { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    const token = json['access_token'];
    if (typeof token !== 'string') throw authFailed('The development identity provider returned no access_token.');
    const expiresIn = typeof json['expires_in'] === 'number' ? json['expires_in'] : 300;
    this.#cached = { token, expiresAt: now + expiresIn * 1000 };
    return token;
  }

  async #tokenEndpoint(): Promise<string> {
    if (this.#o.tokenEndpoint) return this.#o.tokenEndpoint;
    if (!this.#o.issuer) throw authFailed('The add-in configuration names neither a token endpoint nor an issuer.');
    const doc = await this.#json(`${this.#o.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { method: 'GET' });
    const endpoint = doc['token_endpoint'];
    if (typeof endpoint !== 'string') throw authFailed('The identity provider\'s discovery document has no token_endpoint.');
    return endpoint;
  }

  async #json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await this.#fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    } catch (cause) {
      throw authFailed(`The identity provider at ${url} could not be reached.`, cause);
    }
    if (!response.ok) throw authFailed(`The identity provider refused the sign-in (${response.status}).`);
    const value: unknown = await response.json().catch(() => undefined);
    if (typeof value !== 'object' || value === null) throw authFailed('The identity provider answered with something that is not JSON.');
    return value as Record<string, unknown>;
  }
}
