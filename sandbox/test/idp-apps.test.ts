/**
 * The development identity provider's service identities: the client-credentials grant issues
 * Entra-like app-only tokens (roles, azp/appid, idtyp app, no scp) to the world's app
 * registrations, refuses a wrong secret with 401 invalid_client, and answers browsers (CORS).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startSandbox, WORLD, type RunningSandbox } from '../src/index.js';

const DOC2MAIL = WORLD.apps.find((a) => a.roles.includes('Letters.Send.doc2mail'))!;
const NO_ROLES = WORLD.apps.find((a) => a.roles.length === 0)!;
const SOLBJERG_TENANT = '3e320ea5-6639-4cb3-bf44-84b6310b47cb';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, log: () => undefined });
});
afterAll(async () => {
  await sb.close();
});

const tokenUrl = () => `${sb.url}/idp/oauth2/v2.0/token`;
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(tokenUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
const verify = (token: string, audience: string) =>
  jwtVerify(token, createRemoteJWKSet(new URL(`${sb.url}/idp/discovery/v2.0/keys`)), { issuer: `${sb.url}/idp`, audience, algorithms: ['RS256'] });

test('client credentials in the form body give an app-only token that verifies against the JWKS', async () => {
  const res = await form({ grant_type: 'client_credentials', client_id: DOC2MAIL.clientId, client_secret: DOC2MAIL.clientSecret, scope: 'api://postbud-gateway/.default' });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  const { payload } = await verify(String(body['access_token']), 'api://postbud-gateway');
  expect(payload).toMatchObject({
    aud: 'api://postbud-gateway', tid: SOLBJERG_TENANT, idtyp: 'app', roles: ['Letters.Send.doc2mail'],
    azp: DOC2MAIL.clientId, appid: DOC2MAIL.clientId, app_displayname: DOC2MAIL.name,
    oid: DOC2MAIL.servicePrincipalId, sub: DOC2MAIL.servicePrincipalId,
  });
  expect(payload['scp']).toBeUndefined();
  expect(payload['upn']).toBeUndefined();
  expect(payload['groups']).toBeUndefined();
});

test('HTTP Basic client authentication works too, and resource= (v1 style) sets the audience', async () => {
  const basic = Buffer.from(`${encodeURIComponent(NO_ROLES.clientId)}:${encodeURIComponent(NO_ROLES.clientSecret)}`).toString('base64');
  const res = await form({ grant_type: 'client_credentials', resource: 'api://other-api' }, { authorization: `Basic ${basic}` });
  expect(res.status).toBe(200);
  const { payload } = await verify(String(((await res.json()) as Record<string, unknown>)['access_token']), 'api://other-api');
  // Entra leaves out `roles` when the app holds none; `idtyp` still says it is an app.
  expect(payload).toMatchObject({ idtyp: 'app', azp: NO_ROLES.clientId, oid: NO_ROLES.servicePrincipalId });
  expect(payload['roles']).toBeUndefined();
  expect(payload['scp']).toBeUndefined();
});

test('a wrong or missing secret and an unknown client are refused with 401 invalid_client; a non-.default scope with 400', async () => {
  const wrong = await form({ grant_type: 'client_credentials', client_id: DOC2MAIL.clientId, client_secret: 'guess', scope: 'api://postbud-gateway/.default' });
  expect(wrong.status).toBe(401);
  expect(await wrong.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  const basicWrong = await form({ grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from(`${DOC2MAIL.clientId}:nope`).toString('base64')}` });
  expect(basicWrong.status).toBe(401);
  expect(basicWrong.headers.get('www-authenticate')).toMatch(/^Basic/);
  const missing = await form({ grant_type: 'client_credentials', client_id: DOC2MAIL.clientId });
  expect(missing.status).toBe(401);
  expect(await missing.json()).toMatchObject({ error: 'invalid_client' });
  const unknown = await form({ grant_type: 'client_credentials', client_id: '00000000-0000-4000-8000-000000000001', client_secret: 'x' });
  expect(unknown.status).toBe(401);
  const badScope = await form({ grant_type: 'client_credentials', client_id: DOC2MAIL.clientId, client_secret: DOC2MAIL.clientSecret, scope: 'api://postbud-gateway/Letters.Send' });
  expect(badScope.status).toBe(400);
  expect(await badScope.json()).toMatchObject({ error: 'invalid_scope' });
});

test('browsers may call the IdP: CORS preflight answered, and CORS headers on token, discovery and JWKS answers', async () => {
  for (const path of ['/idp/oauth2/v2.0/token', '/idp/token', '/idp/.well-known/openid-configuration', '/idp/discovery/v2.0/keys']) {
    const pre = await fetch(`${sb.url}${path}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
  }
  const origin = { origin: 'https://localhost:3000' };
  for (const path of ['/idp/.well-known/openid-configuration', '/idp/discovery/v2.0/keys']) {
    expect((await fetch(`${sb.url}${path}`, { headers: origin })).headers.get('access-control-allow-origin')).toBe('*');
  }
  const ok = await form({ grant_type: 'urn:postbud:sandbox:caseworker', caseworker: 'sara.sagsbehandler@solbjerg.example' }, origin);
  expect(ok.headers.get('access-control-allow-origin')).toBe('*');
  const refused = await form({ grant_type: 'client_credentials', client_id: DOC2MAIL.clientId, client_secret: 'guess' }, origin);
  expect(refused.status).toBe(401);
  expect(refused.headers.get('access-control-allow-origin')).toBe('*');
});
