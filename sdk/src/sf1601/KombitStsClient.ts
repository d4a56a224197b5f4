/**
 * KOMBIT STS → SAML assertion → AccessTokenService → `Holder-of-key` token, per entity id.
 * All three calls go over the same mutual-TLS transport; the certificate's DER is the
 * `UseKey`. Tokens are cached per (CVR, entity id) and renewed early.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { Sf1601Endpoints } from '../environments/environments.js';
import type { HttpExecutor } from '../transport/HttpExecutor.js';
import { responseText } from '../transport/Transport.js';
import { TokenCache, type ExpiringToken } from './TokenCache.js';
import { parseStsLifetime } from './parseStsLifetime.js';

export interface KombitStsSettings {
  readonly executor: HttpExecutor;
  readonly endpoints: Sf1601Endpoints;
  /** The authority's CVR (`AnvenderKontekst.Cvr`). */
  readonly authorityCvr: string;
  /** Base64 DER of the client certificate (one line, no PEM armour). */
  readonly certificateBase64: string;
  readonly now: () => number;
}

/** Renew SAML tokens 15 minutes early (as itk-dev/serviceplatformen does). @unit milliseconds */
export const SAML_RENEW_BEFORE_MS = 15 * 60_000;
/** Renew access tokens one minute early. @unit milliseconds */
export const ACCESS_TOKEN_RENEW_BEFORE_MS = 60_000;

export class KombitStsClient {
  readonly #settings: KombitStsSettings;
  readonly #saml: TokenCache<string>;
  readonly #access: TokenCache<string>;

  constructor(settings: KombitStsSettings) {
    this.#settings = settings;
    this.#saml = new TokenCache(settings.now, SAML_RENEW_BEFORE_MS);
    this.#access = new TokenCache(settings.now, ACCESS_TOKEN_RENEW_BEFORE_MS);
  }

  /** A `Holder-of-key` access token for `entityId`, from cache when fresh. */
  accessToken(entityId: string, signal?: AbortSignal): Promise<string> {
    return this.#access.get(this.#key(entityId), () => this.#fetchAccessToken(entityId, signal));
  }

  /**
   * Drops the cached access token for `entityId` after the service refused it (401): it
   * expired or was revoked. With `token`, only when that is still the cached one (concurrent
   * sends refused with the same old token fetch one new token, not one each). The SAML
   * assertion is kept: if it is stale too, the AccessTokenService says so and it is renewed then.
   */
  invalidate(entityId: string, token?: string): void {
    this.#access.invalidate(this.#key(entityId), token);
  }

  #key(entityId: string): string {
    return `${this.#settings.authorityCvr}|${entityId}`;
  }

  /**
   * A 401 from the AccessTokenService to a cached SAML assertion means the assertion expired
   * or was revoked: it is dropped and a new one is issued, once. A 401 to a SAML assertion
   * issued just now is a real credential problem and is thrown (AUTH_FAILED).
   */
  async #fetchAccessToken(entityId: string, signal: AbortSignal | undefined): Promise<ExpiringToken<string>> {
    let issuedNow = false;
    const saml = () => this.#saml.get(this.#key(entityId), () => {
      issuedNow = true;
      return this.#issueSaml(entityId, signal);
    });
    const assertion = await saml();
    try {
      return await this.#exchange(assertion, signal);
    } catch (error) {
      if (issuedNow || !isUnauthorized(error)) throw error;
      this.#saml.invalidate(this.#key(entityId), assertion);
      return this.#exchange(await saml(), signal);
    }
  }

  async #exchange(assertion: string, signal: AbortSignal | undefined): Promise<ExpiringToken<string>> {
    const response = await this.#settings.executor.execute(
      {
        method: 'POST',
        url: this.#settings.endpoints.accessTokenUrl,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: `saml-token=${encodeURIComponent(assertion)}`,
      },
      { operation: 'AccessTokenService', ...(signal ? { signal } : {}) },
    );
    const json = parseJson(responseText(response), 'AccessTokenService');
    const token = json['access_token'];
    const expiresIn = Number(json['expires_in'] ?? 3600);
    if (typeof token !== 'string' || token === '') {
      throw new PostbudError('RESPONSE_INVALID', 'AccessTokenService answered without an access_token.', { fault: 'server', retryable: false });
    }
    return { value: token, expiresAt: this.#settings.now() + expiresIn * 1000 };
  }

  async #issueSaml(entityId: string, signal: AbortSignal | undefined): Promise<ExpiringToken<string>> {
    const response = await this.#settings.executor.execute(
      {
        method: 'POST',
        url: this.#settings.endpoints.stsIssueUrl,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(stsIssueRequest(this.#settings.authorityCvr, this.#settings.certificateBase64, entityId)),
      },
      { operation: 'KOMBIT STS issue', ...(signal ? { signal } : {}) },
    );
    const json = parseJson(responseText(response), 'KOMBIT STS issue');
    const rst = json['RequestedSecurityToken'];
    const assertion = rst !== null && typeof rst === 'object' ? (rst as Record<string, unknown>)['Assertion'] : undefined;
    if (typeof assertion !== 'string' || assertion === '') {
      throw new PostbudError('AUTH_FAILED', 'KOMBIT STS answered without RequestedSecurityToken.Assertion: the SAML token could not be obtained.', { fault: 'server', retryable: false });
    }
    const expiresAt = parseStsLifetime(json['Lifetime'], assertion) ?? this.#settings.now() + 8 * 3600_000;
    return { value: assertion, expiresAt };
  }
}

/** The JSON issue request exactly as KOMBIT's STS expects it (digital-post-wire.md §2.2). */
export function stsIssueRequest(authorityCvr: string, certificateBase64: string, entityId: string): Record<string, unknown> {
  return {
    TokenType: 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0',
    RequestType: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue',
    KeyType: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey',
    AnvenderKontekst: { Cvr: authorityCvr },
    UseKey: certificateBase64,
    AppliesTo: { EndpointReference: { Address: entityId } },
    OnBehalfOf: null,
  };
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof PostbudError && error.code === 'AUTH_FAILED' && error.details?.['status'] === 401;
}

function parseJson(text: string, operation: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new PostbudError('RESPONSE_INVALID', `${operation} did not answer with a JSON object.`, { fault: 'server', retryable: false });
}
