/**
 * Verifies bearer tokens with jose: signature against the issuer's JWKS, issuer, audience,
 * expiry, tenant and scope. Only asymmetric algorithms are accepted, so `alg: none` and
 * HMAC tokens signed with a guessed secret are refused.
 * @module
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { AuthConfig } from '../config/GatewayConfig.js';
import type { Caller } from './Caller.js';
import { VerifiedTokenCache } from './VerifiedTokenCache.js';

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'];
/** Tolerated clock difference between issuer and gateway. @unit seconds */
const CLOCK_TOLERANCE_S = 30;

export class AuthError extends Error {
  constructor(readonly status: 401 | 403, message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>;

async function discoverJwksUri(issuer: string): Promise<URL> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`OpenID discovery at ${issuer} answered ${res.status}`);
  const doc = (await res.json()) as { jwks_uri?: unknown };
  if (typeof doc.jwks_uri !== 'string') throw new Error(`OpenID discovery at ${issuer} has no jwks_uri`);
  return new URL(doc.jwks_uri);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function scopes(payload: JWTPayload): string[] {
  const scp = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
  return [...scp, ...strings(payload['roles'])];
}

/** A client-credentials (app-only) token: no delegated scopes, app roles instead (Entra ID v1 and v2). */
function isAppToken(payload: JWTPayload): boolean {
  return payload['scp'] === undefined && (payload['idtyp'] === 'app' || Array.isArray(payload['roles']));
}

function toCaller(payload: JWTPayload, config: AuthConfig): Caller {
  const groups = strings(payload[config.groupsClaim]);
  const id = text(payload['oid']) ?? payload.sub;
  if (id === undefined) throw new AuthError(401, 'The token has no subject.');
  if (isAppToken(payload)) {
    const appId = text(payload['azp']) ?? text(payload['appid']);
    const name = text(payload['app_displayname']) ?? appId;
    return { id, kind: 'app', groups, roles: strings(payload['roles']), ...(appId ? { appId } : {}), ...(name ? { name } : {}) };
  }
  const name = text(payload['name']);
  return { id, kind: 'user', groups, roles: strings(payload['roles']), ...(name === undefined ? {} : { name }) };
}

/** An app passes with the required role, a per-system role (`Postbud.Send.<id>`) or an app id listed in the config. */
function appAllowed(caller: Caller, config: AuthConfig, apps: ReadonlySet<string>): boolean {
  const roles = caller.roles ?? [];
  return roles.some((r) => r === config.requiredScope || r.startsWith(`${config.requiredScope}.`)) || (caller.appId !== undefined && apps.has(caller.appId));
}

export interface TokenVerifierOptions {
  /** The clock (tests). @unit milliseconds since the epoch */
  readonly now?: () => number;
}

/**
 * `apps`: application ids a sender system lists (they need no role). A token that passed is
 * remembered until its expiry ({@link VerifiedTokenCache}); refusals are not remembered.
 */
export function createTokenVerifier(config: AuthConfig, apps: ReadonlySet<string> = new Set(), options: TokenVerifierOptions = {}): TokenVerifier {
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const keySet = async () => (jwks ??= createRemoteJWKSet(config.jwksUri !== undefined ? new URL(config.jwksUri) : await discoverJwksUri(config.issuer)));
  const now = options.now ?? Date.now;
  const verified = new VerifiedTokenCache();
  return async (authorization) => {
    const m = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(authorization ?? '');
    if (m === null) throw new AuthError(401, 'Send an identity token as "Authorization: Bearer <token>".');
    const token = m[1] as string;
    const at = now();
    const known = verified.get(token, at);
    if (known !== undefined) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keySet(), {
        issuer: config.issuer, audience: config.audience, algorithms: ALGORITHMS, clockTolerance: CLOCK_TOLERANCE_S, requiredClaims: ['exp'], currentDate: new Date(at),
      }));
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'ERR_UNKNOWN';
      throw new AuthError(401, `The token was refused (${code}). Sign in again.`);
    }
    if (config.tenant !== undefined && payload['tid'] !== config.tenant) throw new AuthError(401, 'The token is from another tenant.');
    const caller = toCaller(payload, config);
    if (caller.kind === 'app') {
      if (!appAllowed(caller, config, apps)) throw new AuthError(403, `The application has no role ${config.requiredScope}(.<sender system>) and is not listed for any sender system.`);
    } else if (!scopes(payload).includes(config.requiredScope)) throw new AuthError(403, `The token lacks the scope ${config.requiredScope}.`);
    // Shared by every request with this token from now on: frozen.
    const shared: Caller = Object.freeze({ ...caller, groups: Object.freeze([...caller.groups]), ...(caller.roles ? { roles: Object.freeze([...caller.roles]) } : {}) });
    verified.set(token, shared, at, ((payload.exp as number) + CLOCK_TOLERANCE_S) * 1000);
    return shared;
  };
}
