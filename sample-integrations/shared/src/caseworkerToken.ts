/**
 * Gets an Entra-ID-like access token for a fictional caseworker from the sandbox's
 * development identity provider, over HTTP, the way a real sender system would get one from
 * Entra ID (client credentials or on-behalf-of). Production: use your identity provider.
 * @module
 */
export const GATEWAY_AUDIENCE = 'api://postbud-gateway';

export async function caseworkerToken(sandboxUrl: string, upn: string): Promise<string> {
  const res = await fetch(`${sandboxUrl}/idp/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:postbud:sandbox:caseworker', caseworker: upn, scope: `${GATEWAY_AUDIENCE}/.default` }),
  });
  const body = (await res.json()) as { access_token?: unknown; error_description?: unknown };
  if (!res.ok || typeof body.access_token !== 'string') {
    throw new Error(`The identity provider refused a token for ${upn}: ${String(body.error_description ?? res.status)}`);
  }
  return body.access_token;
}
