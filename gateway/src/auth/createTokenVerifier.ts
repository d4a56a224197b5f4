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

function scopes(payload: JWTPayload): string[] {
  const scp = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
  const roles = Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is string => typeof r === 'string') : [];
  return [...scp, ...roles];
}

function toCaller(payload: JWTPayload, config: AuthConfig): Caller {
  const rawGroups = payload[config.groupsClaim];
  const groups = Array.isArray(rawGroups) ? rawGroups.filter((g): g is string => typeof g === 'string') : [];
  const id = typeof payload['oid'] === 'string' ? payload['oid'] : payload.sub;
  if (id === undefined) throw new AuthError(401, 'The token has no subject.');
  const name = typeof payload['name'] === 'string' ? payload['name'] : undefined;
  return { id, groups, ...(name === undefined ? {} : { name }) };
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const keySet = async () => (jwks ??= createRemoteJWKSet(config.jwksUri !== undefined ? new URL(config.jwksUri) : await discoverJwksUri(config.issuer)));
  return async (authorization) => {
    const m = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(authorization ?? '');
    if (m === null) throw new AuthError(401, 'Send an identity token as "Authorization: Bearer <token>".');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(m[1] as string, await keySet(), {
        issuer: config.issuer, audience: config.audience, algorithms: ALGORITHMS, clockTolerance: CLOCK_TOLERANCE_S, requiredClaims: ['exp'],
      }));
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'ERR_UNKNOWN';
      throw new AuthError(401, `The token was refused (${code}). Sign in again.`);
    }
    if (config.tenant !== undefined && payload['tid'] !== config.tenant) throw new AuthError(401, 'The token is from another tenant.');
    if (!scopes(payload).includes(config.requiredScope)) throw new AuthError(403, `The token lacks the scope ${config.requiredScope}.`);
    return toCaller(payload, config);
  };
}
