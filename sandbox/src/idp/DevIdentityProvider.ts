/**
 * Development identity provider for the gateway: OIDC discovery, JWKS and a token endpoint that
 * issues Entra-ID-like access tokens (iss, aud, tid, oid, upn, name, groups, scp) for the world's
 * fictional caseworkers, signed RS256 with a key the sandbox generates and keeps in its store.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { jsonResult, type HttpResult } from '../http/HttpResult.js';
import { readBody } from '../http/readBody.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { Caseworker } from '../world/worldTypes.js';

export const DEFAULT_AUDIENCE = 'api://postbud-gateway';
const KEY_NAME = 'idp.signing-key';

interface KeyMaterial {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export class DevIdentityProvider {
  readonly #ctx: SandboxContext;
  #key: KeyMaterial | null = null;

  constructor(ctx: SandboxContext) {
    this.#ctx = ctx;
  }

  issuer(): string {
    return `${this.#ctx.baseUrl()}/idp`;
  }

  async #keyMaterial(): Promise<KeyMaterial> {
    if (this.#key) return this.#key;
    const stored = this.#ctx.store.getValue(KEY_NAME);
    if (stored) {
      this.#key = JSON.parse(stored) as KeyMaterial;
      return this.#key;
    }
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const key: KeyMaterial = { kid, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' }, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
    this.#ctx.store.setValue(KEY_NAME, JSON.stringify(key));
    this.#key = key;
    return key;
  }

  discovery(): HttpResult {
    const iss = this.issuer();
    return jsonResult(200, {
      issuer: iss,
      token_endpoint: `${iss}/oauth2/v2.0/token`,
      jwks_uri: `${iss}/discovery/v2.0/keys`,
      response_types_supported: ['token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      grant_types_supported: ['password', 'client_credentials', 'urn:postbud:sandbox:caseworker'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'none'],
      scopes_supported: ['openid', 'profile', `${DEFAULT_AUDIENCE}/.default`, `${DEFAULT_AUDIENCE}/Letters.Send`],
      sandbox_caseworkers: `${iss}/caseworkers`,
    });
  }

  async jwks(): Promise<HttpResult> {
    return jsonResult(200, { keys: [(await this.#keyMaterial()).publicJwk] });
  }

  caseworkers(): HttpResult {
    return jsonResult(200, this.#ctx.world.data.caseworkers.map((c) => ({ upn: c.upn, name: c.name, oid: c.oid, authorityCvr: c.authorityCvr, department: c.department })));
  }

  /** Signs a token for a caseworker (also used by tests and the CLI). */
  async issueToken(c: Caseworker, audience = DEFAULT_AUDIENCE, lifetimeSeconds = 3600): Promise<string> {
    const key = await this.#keyMaterial();
    const authority = this.#ctx.world.authority(c.authorityCvr);
    const signingKey = await importJWK(key.privateJwk, 'RS256');
    return new SignJWT({
      tid: authority?.tenantId ?? '00000000-0000-4000-8000-000000000000',
      oid: c.oid, upn: c.upn, preferred_username: c.upn, name: c.name, groups: c.groups, scp: c.scopes.join(' '),
      ver: '2.0', department: c.department, authority_cvr: c.authorityCvr,
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(this.issuer())
      .setAudience(audience)
      .setSubject(c.oid)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${lifetimeSeconds}s`)
      .setJti(randomUUID())
      .sign(signingKey);
  }

  async token(rc: RequestContext): Promise<HttpResult> {
    const form = new URLSearchParams((await readBody(rc.req, 64 * 1024)).toString('utf8'));
    const grant = form.get('grant_type');
    const scope = form.get('scope') ?? `${DEFAULT_AUDIENCE}/.default`;
    const audience = /^(api:\/\/[^/\s]+)/.exec(scope)?.[1] ?? DEFAULT_AUDIENCE;
    const who = grant === 'password' ? form.get('username') : grant === 'urn:postbud:sandbox:caseworker' ? form.get('caseworker') : grant === 'client_credentials' ? (form.get('caseworker') ?? this.#ctx.world.data.caseworkers[0]?.upn) : undefined;
    if (who === undefined) return jsonResult(400, { error: 'unsupported_grant_type', error_description: 'Use grant_type=password (username=<upn>) or urn:postbud:sandbox:caseworker (caseworker=<upn>).' });
    const caseworker = this.#ctx.world.data.caseworkers.find((c) => c.upn.toLowerCase() === (who ?? '').toLowerCase());
    if (!caseworker) return jsonResult(400, { error: 'invalid_grant', error_description: `Unknown caseworker "${who ?? ''}"; see ${this.issuer()}/caseworkers.` });
    const accessToken = await this.issueToken(caseworker, audience);
    return jsonResult(200, { token_type: 'Bearer', access_token: accessToken, expires_in: 3600, ext_expires_in: 3600, scope });
  }
}
