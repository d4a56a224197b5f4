/**
 * The identity provider's routes, with CORS so browser clients (the Outlook add-in's dev
 * sign-in, single-page apps) can call discovery, JWKS and the token endpoint directly, as they
 * can call Entra ID's. Any origin is allowed: it is a development IdP on loopback, and no
 * cookies are involved (the answer never says `allow-credentials`).
 * @module
 */
import { emptyResult, SandboxHttpError, type HttpResult } from '../http/HttpResult.js';
import type { Handler, Router } from '../http/Router.js';
import type { DevIdentityProvider } from './DevIdentityProvider.js';

const CORS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'www-authenticate',
};

const PREFLIGHT: Readonly<Record<string, string>> = {
  ...CORS,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

const withCorsHeaders = (r: HttpResult): HttpResult => ({ ...r, headers: { ...r.headers, ...CORS } });

/** Adds the CORS headers to the handler's answer, also to a refusal it throws. */
export function withCors(handler: Handler): Handler {
  return async (rc) => {
    try {
      return withCorsHeaders(await handler(rc));
    } catch (error) {
      if (error instanceof SandboxHttpError) return withCorsHeaders(error.result);
      throw error;
    }
  };
}

export function registerIdpRoutes(r: Router, idp: DevIdentityProvider): void {
  const routes: readonly [method: 'GET' | 'POST', path: string, handler: Handler][] = [
    ['GET', '/idp/.well-known/openid-configuration', () => idp.discovery()],
    ['GET', '/idp/discovery/v2.0/keys', () => idp.jwks()],
    ['GET', '/idp/jwks', () => idp.jwks()],
    ['POST', '/idp/oauth2/v2.0/token', (rc) => idp.token(rc)],
    ['POST', '/idp/token', (rc) => idp.token(rc)],
    ['GET', '/idp/caseworkers', () => idp.caseworkers()],
  ];
  for (const [method, path, handler] of routes) {
    r.add(method, path, withCors(handler));
    r.add('OPTIONS', path, () => emptyResult(204, PREFLIGHT));
  }
}
