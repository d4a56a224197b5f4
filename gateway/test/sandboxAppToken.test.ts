/**
 * Service identities against the real sandbox IdP: an output manager signs in with client
 * credentials (app-only token: roles, azp/appid, idtyp app, no scp) and the gateway lets it
 * use exactly the sender systems its app role (`Letters.Send.<id>`) or its listing in
 * `senderSystems[].apps` allows. The ledger names the service principal as the actor.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import path from 'node:path';
import { pino } from 'pino';
import { startSandbox, WORLD } from '@postbud/sandbox';
import type { RunningSandbox } from '@postbud/sandbox';
import { startGateway } from '../src/startGateway.js';
import type { RunningGateway } from '../src/startGateway.js';
import { aPdfBase64, tempDir } from './fixtures.js';

const DOC2MAIL_APP = WORLD.apps.find((a) => a.roles.includes('Letters.Send.doc2mail'))!;
const BATCH_APP = WORLD.apps.find((a) => a.roles.length === 0)!;
const SARAS_GROUP = '0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31';
const BORGERSERVICE = '32b4dc44-0652-4f7c-93b8-d00a533a30f7';
const ANNA = '0101901234';
let sandbox: RunningSandbox;
let gw: RunningGateway;
let pdf: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dataDir: null, deliveryDelayMs: 0, log: () => undefined });
  const dir = tempDir();
  gw = await startGateway({
    config: {
      authority: { cvr: '29999902', name: 'Solbjerg Kommune' },
      route: { kind: 'sandbox', url: sandbox.url },
      contactPoints: [{ id: BORGERSERVICE, label: 'Borgerservice' }],
      senderSystems: [
        // Reached through the app role Letters.Send.doc2mail only.
        { id: 'doc2mail', plugin: 'http', senderLabel: 'Solbjerg Kommune, Borgerservice', channel: 'auto' },
        // Reached through the app id listing only (the batch app holds no role).
        { id: 'batch', plugin: 'http', senderLabel: 'Solbjerg Kommune, Opkrævning', channel: 'auto', apps: [BATCH_APP.clientId] },
        { id: 'outlook', plugin: 'outlook', senderLabel: 'Solbjerg Kommune, Borgerservice', contactPoints: [BORGERSERVICE], groups: [SARAS_GROUP] },
      ],
      auth: { issuer: `${sandbox.url}/idp`, audience: 'api://postbud-gateway', tenant: '3e320ea5-6639-4cb3-bf44-84b6310b47cb', requiredScope: 'Letters.Send' },
    },
    baseDir: dir, ledgerFile: path.join(dir, 'ledger.sqlite'), port: 0, logger: pino({ level: 'silent' }), workers: { enabled: false },
  });
  pdf = await aPdfBase64('Brev fra output manager');
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sandbox?.close();
});

async function appToken(clientId: string, clientSecret: string): Promise<Response> {
  return fetch(`${sandbox.url}/idp/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'api://postbud-gateway/.default' }),
  });
}

async function tokenFor(app: { clientId: string; clientSecret: string }): Promise<string> {
  const res = await appToken(app.clientId, app.clientSecret);
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function call(token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${gw.url}${url}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const letterFor = (senderSystem: string) => ({
  senderSystem, recipient: { type: 'cpr', cpr: ANNA }, title: 'Orientering om afhentning af storskrald',
  files: [{ filename: 'brev.pdf', contentType: 'application/pdf', base64: pdf }],
});

test('an app holding the role Letters.Send.doc2mail may send for doc2mail (202) and for nothing else (403)', async () => {
  const token = await tokenFor(DOC2MAIL_APP);
  const me = await call(token, 'GET', '/v1/me');
  expect(me.status).toBe(200);
  expect(me.json.senderSystems.map((s: { id: string }) => s.id)).toEqual(['doc2mail']);
  const accepted = await call(token, 'POST', '/v1/letters', letterFor('doc2mail'));
  expect(accepted.status).toBe(202);
  const forbidden = await call(token, 'POST', '/v1/letters', letterFor('batch'));
  expect(forbidden.status).toBe(403);
  expect((await call(token, 'POST', '/v1/letters', letterFor('outlook'))).status).toBe(403);
  // The service principal, not a person, is the actor of the letter.
  const letter = (await call(token, 'GET', `/v1/letters/${accepted.json.id}`)).json.letter;
  expect(JSON.stringify(letter)).toContain(DOC2MAIL_APP.servicePrincipalId);
  await gw.tick();
  const [inSandbox] = (await (await fetch(`${sandbox.url}/_sandbox/letters?messageUuid=${accepted.json.id}`)).json()) as { channel: string }[];
  expect(inSandbox?.channel).toBe('digital');
}, 30_000);

test('an app without roles may send only for the sender system that lists its client id in apps', async () => {
  const token = await tokenFor(BATCH_APP);
  expect((await call(token, 'POST', '/v1/letters', letterFor('batch'))).status).toBe(202);
  expect((await call(token, 'POST', '/v1/letters', letterFor('doc2mail'))).status).toBe(403);
});

test('a wrong client secret gets no token (401 invalid_client)', async () => {
  const res = await appToken(DOC2MAIL_APP.clientId, 'not-the-secret');
  expect(res.status).toBe(401);
  expect(await res.json()).toMatchObject({ error: 'invalid_client' });
});
