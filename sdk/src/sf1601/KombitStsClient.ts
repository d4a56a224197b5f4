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

  /** Drops the cached tokens for `entityId` (after a 401 from the service). */
  invalidate(entityId: string): void {
    this.#access.invalidate(this.#key(entityId));
    this.#saml.invalidate(this.#key(entityId));
  }

  #key(entityId: string): string {
    return `${this.#settings.authorityCvr}|${entityId}`;
  }

  async #fetchAccessToken(entityId: string, signal: AbortSignal | undefined): Promise<ExpiringToken<string>> {
    const assertion = await this.#saml.get(this.#key(entityId), () => this.#issueSaml(entityId, signal));
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

function parseJson(text: string, operation: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new PostbudError('RESPONSE_INVALID', `${operation} did not answer with a JSON object.`, { fault: 'server', retryable: false });
}
