/**
 * Development identity provider for the gateway: OIDC discovery, JWKS and a token endpoint that
 * issues Entra-ID-like access tokens, signed RS256 with a key the sandbox generates and keeps in
 * its store: delegated tokens (iss, aud, tid, oid, upn, name, groups, scp) for the world's
 * fictional caseworkers, and app-only tokens (roles, azp/appid, idtyp app, no scp) for its app
 * registrations through the `client_credentials` grant.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { jsonResult, type HttpResult } from '../http/HttpResult.js';
import { readBody } from '../http/readBody.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { AppRegistration, Caseworker } from '../world/worldTypes.js';
import { appTokenAudience, authenticateClient, oauthError, presentedClient } from './clientCredentials.js';

export const DEFAULT_AUDIENCE = 'api://postbud-gateway';
const KEY_NAME = 'idp.signing-key';
const CASEWORKER_GRANT = 'urn:postbud:sandbox:caseworker';
/** @unit seconds */
const LIFETIME_S = 3600;

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
      grant_types_supported: ['password', 'client_credentials', CASEWORKER_GRANT],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
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

  #tenantOf(authorityCvr: string): string {
    return this.#ctx.world.authority(authorityCvr)?.tenantId ?? '00000000-0000-4000-8000-000000000000';
  }

  async #sign(claims: JWTPayload, subject: string, audience: string, lifetimeSeconds: number): Promise<string> {
    const key = await this.#keyMaterial();
    const signingKey = await importJWK(key.privateJwk, 'RS256');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(this.issuer())
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${lifetimeSeconds}s`)
      .setJti(randomUUID())
      .sign(signingKey);
  }

  /** Signs a delegated token for a caseworker (also used by tests and the CLI). */
  issueToken(c: Caseworker, audience = DEFAULT_AUDIENCE, lifetimeSeconds = LIFETIME_S): Promise<string> {
    return this.#sign({
      tid: this.#tenantOf(c.authorityCvr),
      oid: c.oid, upn: c.upn, preferred_username: c.upn, name: c.name, groups: c.groups, scp: c.scopes.join(' '),
      ver: '2.0', department: c.department, authority_cvr: c.authorityCvr,
    }, c.oid, audience, lifetimeSeconds);
  }

  /**
   * Signs an app-only token as Entra ID issues for client credentials: no `scp`, `roles` only
   * when the app holds any (Entra omits the claim otherwise), `idtyp: app`, `azp` (v2) and
   * `appid` (v1) = client id, `oid`/`sub` = the service principal.
   */
  issueAppToken(app: AppRegistration, audience = DEFAULT_AUDIENCE, lifetimeSeconds = LIFETIME_S): Promise<string> {
    return this.#sign({
      tid: this.#tenantOf(app.authorityCvr),
      oid: app.servicePrincipalId, idp: this.issuer(), idtyp: 'app',
      azp: app.clientId, azpacr: '1', appid: app.clientId, appidacr: '1', app_displayname: app.name,
      ...(app.roles.length > 0 ? { roles: [...app.roles] } : {}),
      ver: '2.0', authority_cvr: app.authorityCvr,
    }, app.servicePrincipalId, audience, lifetimeSeconds);
  }

  async token(rc: RequestContext): Promise<HttpResult> {
    const form = new URLSearchParams((await readBody(rc.req, 64 * 1024)).toString('utf8'));
    const grant = form.get('grant_type');
    if (grant === 'client_credentials') return this.#clientCredentials(rc, form);
    const scope = form.get('scope') ?? `${DEFAULT_AUDIENCE}/.default`;
    const audience = /^(api:\/\/[^/\s]+)/.exec(scope)?.[1] ?? DEFAULT_AUDIENCE;
    const who = grant === 'password' ? form.get('username') : grant === CASEWORKER_GRANT ? form.get('caseworker') : undefined;
    if (who === undefined) return jsonResult(400, { error: 'unsupported_grant_type', error_description: `Use grant_type=password (username=<upn>), ${CASEWORKER_GRANT} (caseworker=<upn>) or client_credentials (client_id, client_secret).` });
    const caseworker = this.#ctx.world.data.caseworkers.find((c) => c.upn.toLowerCase() === (who ?? '').toLowerCase());
    if (!caseworker) return jsonResult(400, { error: 'invalid_grant', error_description: `Unknown caseworker "${who ?? ''}"; see ${this.issuer()}/caseworkers.` });
    const accessToken = await this.issueToken(caseworker, audience);
    return jsonResult(200, { token_type: 'Bearer', access_token: accessToken, expires_in: LIFETIME_S, ext_expires_in: LIFETIME_S, scope });
  }

  async #clientCredentials(rc: RequestContext, form: URLSearchParams): Promise<HttpResult> {
    const app = authenticateClient(this.#ctx.world.data.apps, presentedClient(rc.header('authorization'), form));
    if (!('clientId' in app)) return app;
    const audience = appTokenAudience(form, DEFAULT_AUDIENCE);
    if (typeof audience !== 'string') return audience;
    if (this.#ctx.world.authority(app.authorityCvr) === undefined) return oauthError(400, 'unauthorized_client', `The app ${app.clientId} belongs to no authority of the sandbox world.`, 700016);
    const accessToken = await this.issueAppToken(app, audience);
    // Entra answers client credentials without a `scope` field.
    return jsonResult(200, { token_type: 'Bearer', access_token: accessToken, expires_in: LIFETIME_S, ext_expires_in: LIFETIME_S });
  }
}
