/**
 * Sandbox-only services: the CVR-like company directory (with production units) and the
 * development identity provider (OIDC discovery, JWKS, Entra-like access tokens).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startSandbox, type RunningSandbox } from '../src/index.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});

test('company search by name, CVR or P-number returns production units', async () => {
  const byName = (await (await fetch(`${sb.url}/cvr/v1/companies?q=bageri`)).json()) as { companies: { cvr: string; productionUnits: { pNumber: string; name: string; address: { text: string } }[] }[] };
  expect(byName.companies.map((c) => c.cvr)).toEqual(['13748136']);
  expect(byName.companies[0]!.productionUnits.map((p) => p.pNumber)).toEqual(['1000000011', '1000000029', '1000000037']);
  expect(byName.companies[0]!.productionUnits[1]!.address.text).toContain('Havnegade 14');
  const byCvr = (await (await fetch(`${sb.url}/cvr/v1/companies?q=1358`)).json()) as { companies: { name: string }[] };
  expect(byCvr.companies.map((c) => c.name)).toEqual(['Tømrerfirmaet Høvl & Søn A/S']);
  const byP = (await (await fetch(`${sb.url}/cvr/v1/companies?q=1000000061`)).json()) as { companies: { cvr: string; digitalPost: string }[] };
  expect(byP.companies[0]).toMatchObject({ cvr: '24256790', digitalPost: 'EXEMPT' });
  expect((await fetch(`${sb.url}/cvr/v1/companies/29999902`)).status).toBe(200);
  expect((await fetch(`${sb.url}/cvr/v1/companies/11111111`)).status).toBe(404);
});

test('the identity provider issues Entra-like tokens that verify against its JWKS', async () => {
  const discovery = (await (await fetch(`${sb.url}/idp/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string; token_endpoint: string };
  expect(discovery.issuer).toBe(`${sb.url}/idp`);
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'sara.sagsbehandler@solbjerg.example', password: 'sandbox', scope: 'api://postbud-gateway/.default' }).toString(),
  });
  expect(res.status).toBe(200);
  const { access_token: token } = (await res.json()) as { access_token: string };
  const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer: discovery.issuer, audience: 'api://postbud-gateway' });
  expect(protectedHeader.alg).toBe('RS256');
  expect(payload).toMatchObject({ upn: 'sara.sagsbehandler@solbjerg.example', name: 'Sara Sagsbehandler', tid: '3e320ea5-6639-4cb3-bf44-84b6310b47cb', oid: 'cbc7c016-305b-4110-a6c4-eb91491f0cc2', scp: 'Letters.Send Letters.Read' });
  expect(Array.isArray(payload['groups'])).toBe(true);
  const unknown = await fetch(discovery.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=nobody@example.org' });
  expect(unknown.status).toBe(400);
  const direct = await sb.issueCaseworkerToken('yasmin.ydelse@styrelse.example');
  const verified = await jwtVerify(direct, createRemoteJWKSet(new URL(discovery.jwks_uri)));
  expect(verified.payload['authority_cvr']).toBe('39999919');
});
