/**
 * Client authentication for the `client_credentials` grant, as Entra ID does it: the client
 * id and secret come either in the form body (`client_secret_post`) or in an HTTP Basic header
 * (`client_secret_basic`, RFC 6749 §2.3.1: each part form-URL-encoded before base64).
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import { jsonResult, type HttpResult } from '../http/HttpResult.js';
import type { AppRegistration } from '../world/worldTypes.js';

export interface PresentedClient {
  readonly clientId: string | null;
  readonly clientSecret: string | null;
  readonly via: 'basic' | 'post';
}

/** Reads the client's credentials; Basic wins when both are present, as most servers do. */
export function presentedClient(authorization: string | undefined, form: URLSearchParams): PresentedClient {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (m) {
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      const part = (s: string) => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s;
        }
      };
      return { clientId: part(decoded.slice(0, colon)), clientSecret: part(decoded.slice(colon + 1)), via: 'basic' };
    }
  }
  return { clientId: form.get('client_id'), clientSecret: form.get('client_secret'), via: 'post' };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** An OAuth error in Entra ID's shape (`error_codes` are Entra's AADSTS numbers). */
export function oauthError(status: number, error: string, description: string, code: number, headers: Record<string, string> = {}): HttpResult {
  return jsonResult(status, { error, error_description: `AADSTS${code}: ${description}`, error_codes: [code], timestamp: new Date().toISOString() }, headers);
}

/** The app registration the credentials authenticate, or the 401 `invalid_client` answer. */
export function authenticateClient(apps: readonly AppRegistration[], client: PresentedClient): AppRegistration | HttpResult {
  // RFC 6749 §5.2: a client that authenticated with Basic gets a WWW-Authenticate challenge back.
  const challenge: Record<string, string> = client.via === 'basic' ? { 'www-authenticate': 'Basic realm="postbud-sandbox-idp"' } : {};
  if (client.clientId === null || client.clientId === '') {
    return oauthError(401, 'invalid_client', 'No client_id: send client_id and client_secret in the form body or as HTTP Basic credentials.', 900144, challenge);
  }
  const clientId = client.clientId.toLowerCase();
  const app = apps.find((a) => a.clientId === clientId);
  if (app === undefined) {
    return oauthError(401, 'invalid_client', `Application with identifier '${client.clientId}' was not found in the sandbox world (see docs/sandbox.md).`, 700016, challenge);
  }
  if (client.clientSecret === null || client.clientSecret === '') {
    return oauthError(401, 'invalid_client', "The request body must contain 'client_secret' or a client assertion.", 7000218, challenge);
  }
  if (!sameSecret(client.clientSecret, app.clientSecret)) {
    return oauthError(401, 'invalid_client', `Invalid client secret provided for app '${app.clientId}'.`, 7000215, challenge);
  }
  return app;
}

/**
 * The audience of an app token: Entra v2 takes `scope=<resource>/.default` (nothing else is
 * allowed for client credentials), v1 takes `resource=<resource>`. Without either the sandbox
 * falls back to the gateway's audience.
 */
export function appTokenAudience(form: URLSearchParams, fallback: string): string | HttpResult {
  const scope = form.get('scope');
  if (scope !== null && scope.trim() !== '') {
    const m = /^(\S+)\/\.default$/.exec(scope.trim());
    if (m === null) return oauthError(400, 'invalid_scope', `The provided value '${scope}' for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`, 1002012);
    return m[1]!;
  }
  const resource = form.get('resource');
  return resource !== null && resource.trim() !== '' ? resource.trim() : fallback;
}
