/**
 * Gets an app-only access token for a service identity (an output manager, a batch system)
 * with the OAuth client-credentials grant, as it would from Entra ID
 * (`https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`); here from the sandbox's
 * development identity provider. The token is reused until a minute before it expires.
 * @module
 */
import { GATEWAY_AUDIENCE } from './caseworkerToken.js';

export interface AppCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Refresh this long before expiry, so a token never expires on its way. @unit milliseconds */
const MARGIN_MS = 60_000;

/** A token source for `GatewayClient`: `tokenEndpoint` is the IdP's token URL. */
export function appTokenSource(tokenEndpoint: string, app: AppCredentials, audience = GATEWAY_AUDIENCE): () => Promise<string> {
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (cached !== undefined && Date.now() < cached.until) return cached.token;
    const res = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, scope: `${audience}/.default` }),
    });
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown; error_description?: unknown };
    if (!res.ok || typeof body.access_token !== 'string') {
      throw new Error(`The identity provider refused a token for app ${app.clientId}: ${String(body.error_description ?? res.status)}`);
    }
    const lifetimeMs = (typeof body.expires_in === 'number' ? body.expires_in : 300) * 1000;
    cached = { token: body.access_token, until: Date.now() + Math.max(0, lifetimeMs - MARGIN_MS) };
    return cached.token;
  };
}

/** The sandbox's token endpoint. */
export const sandboxTokenEndpoint = (sandboxUrl: string): string => `${sandboxUrl}/idp/oauth2/v2.0/token`;
