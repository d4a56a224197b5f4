/**
 * GatewayClient against a scripted HTTP server on loopback: request shapes, response-shape
 * checks, error mapping, and the idempotency key surviving a lost answer.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aMe } from '../testing/fixtures.js';
import { GatewayClient } from './GatewayClient.js';
import type { LetterRequest } from './types.js';

interface Seen { method: string; path: string; headers: IncomingMessage['headers']; body: string }
type Script = (seen: Seen, res: ServerResponse) => void;

const seen: Seen[] = [];
let script: Script = (_s, res) => void res.writeHead(500).end();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      script(s, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (status: number, body: unknown): Script => (_s, res) => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
const client = (timeoutMs = 5000) => new GatewayClient({ baseUrl: `${base}/`, tokens: { getToken: async () => 'tok-1' }, timeoutMs });

const LETTER: LetterRequest = {
  senderSystem: 'outlook', recipient: { type: 'cpr', cpr: '0101901234' }, title: 'Afgørelse', kle: '27.24.00', caseId: 'S-1',
  reply: { enabled: false, offReason: 'Kun orientering' }, contactPointId: '32b4dc44-0652-4f7c-93b8-d00a533a30f7',
  body: { html: '<p>Hej</p>' }, files: [], inlineImages: [],
};

test('me: bearer token, caller name, sender systems and limits in the gateway\'s shape', async () => {
  seen.length = 0;
  script = json(200, { ...aMe(), senderSystems: aMe().senderSystems.map((s) => ({ ...s, capabilities: { reply: true, caseIds: true } })) });
  const me = await client().me();
  expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/me' });
  expect(seen[0]!.headers['authorization']).toBe('Bearer tok-1');
  expect(me.caller.name).toBe('Sara Sagsbehandler');
  expect(me.senderSystems.map((s) => [s.id, s.reply.policy, s.reply.defaultOn])).toEqual([['borgerservice', 'caseworker-choice', true], ['ydelse', 'always', true], ['info', 'never', false]]);
  expect(me.limits?.maxAttachments).toBe(5);
  // Without limits (a gateway before the additions) the profile still parses; malformed limits do not.
  script = json(200, { caller: { id: 'x', name: 'X', groups: [] }, senderSystems: [] });
  expect((await client().me()).limits).toBeUndefined();
  script = json(200, { caller: { id: 'x', name: 'X' }, senderSystems: [], limits: { maxAttachments: '10' } });
  await expect(client().me()).rejects.toMatchObject({ code: 'RESPONSE_INVALID' });
  script = json(200, { name: 'Flat name, no caller', senderSystems: [] });
  await expect(client().me()).rejects.toMatchObject({ code: 'RESPONSE_INVALID' });
});

test('lookup posts {cpr} or {cvr, pNumber?} and reads reachability, name, unit name and reason', async () => {
  seen.length = 0;
  script = json(200, { reachability: 'physical', name: 'Carl Hansen', reason: 'exempt', nemSms: true });
  expect(await client().lookup({ type: 'cpr', cpr: '2307703456' })).toEqual({ reachability: 'physical', name: 'Carl Hansen', reason: 'exempt', nemSms: true });
  script = json(200, { reachability: 'digital', name: 'Bageriet Solsikke ApS', productionUnitName: 'Bageriet Solsikke, Havnen' });
  expect(await client().lookup({ type: 'cvr', cvr: '13748136', pNumber: '1000000029' })).toMatchObject({ productionUnitName: 'Bageriet Solsikke, Havnen' });
  await client().lookup({ type: 'cvr', cvr: '13748136' });
  expect(seen.map((s) => [s.method, s.path, JSON.parse(s.body)])).toEqual([
    ['POST', '/v1/lookup', { cpr: '2307703456' }],
    ['POST', '/v1/lookup', { cvr: '13748136', pNumber: '1000000029' }],
    ['POST', '/v1/lookup', { cvr: '13748136' }],
  ]);
  expect(seen[0]!.headers['content-type']).toBe('application/json');
  script = json(200, { reachability: 'maybe' });
  await expect(client().lookup({ type: 'cpr', cpr: '0101901234' })).rejects.toMatchObject({ code: 'RESPONSE_INVALID', fault: 'server' });
  // A gateway before the additions answers {digitalPost}: digital or unreachable, never guessed physical.
  script = json(200, { digitalPost: false, reason: 'exempt' });
  expect(await client().lookup({ type: 'cpr', cpr: '0101901234' })).toEqual({ reachability: 'unreachable', reason: 'exempt' });
});

test('companies and letter status are read in the gateway\'s shapes', async () => {
  script = json(200, { companies: [{ cvr: '13748136', name: 'Bageriet Solsikke ApS', productionUnits: [{ pNumber: '1000000011', name: 'Torvet', address: 'Torvet 1, 8000 Solbjerg' }] }] });
  expect(await client().searchCompanies('sol')).toEqual([{ cvr: '13748136', name: 'Bageriet Solsikke ApS', productionUnits: [{ pNumber: '1000000011', name: 'Torvet', address: 'Torvet 1, 8000 Solbjerg' }] }]);
  expect(seen.at(-1)!.path).toBe('/v1/companies?q=sol');
  script = json(200, {
    letter: { id: 'b1c8d9e0-0000-4000-8000-000000000001', senderSystem: 'outlook', state: 'delivered', channel: 'physical', replyEnabled: false, acceptedAt: '2026-01-01T00:00:00Z' },
    history: [{ eventId: 'e1', kind: 'state', state: 'accepted', occurredAt: '2026-01-01T00:00:00Z' }],
  });
  const status = await client().letterStatus('b1c8d9e0-0000-4000-8000-000000000001');
  expect(status.letter).toMatchObject({ state: 'delivered', channel: 'physical', replyEnabled: false });
  expect(status.history).toHaveLength(1);
  script = json(200, { letter: { id: 'x', state: 'accepted' }, history: [] });
  expect((await client().letterStatus('x')).letter.channel).toBeNull(); // not known yet
  script = json(200, { id: 'x', status: 'delivered' }); // the add-in's first, pre-API guess
  await expect(client().letterStatus('x')).rejects.toMatchObject({ code: 'RESPONSE_INVALID' });
});

test('gateway errors become PostbudErrors with the gateway\'s code and words', async () => {
  const cases: [number, unknown, string, boolean][] = [
    [401, { error: { code: 'UNAUTHENTICATED', message: 'Send an identity token' } }, 'AUTH_FAILED', false],
    [403, { error: { code: 'SENDER_SYSTEM_FORBIDDEN', message: 'Not your group' } }, 'AUTH_FAILED', false],
    [422, { error: { code: 'METADATA_REQUIRED', message: 'caseId is required' } }, 'SEND_REJECTED', false],
    [400, { error: { code: 'REQUEST_INVALID', message: 'The letter request is not valid: /title' } }, 'SEND_REJECTED', false],
    [413, { error: { code: 'BODY_TOO_LARGE', message: 'Too large' } }, 'LETTER_TOO_LARGE', false],
    [429, { error: { code: 'RATE_LIMITED', message: 'Slow down' } }, 'RATE_LIMITED', true],
    [503, { error: { code: 'PLUGIN_UNAVAILABLE', message: 'Plugin not loaded' } }, 'HTTP_SERVER_ERROR', true],
  ];
  for (const [status, body, code, retryable] of cases) {
    script = json(status, body);
    const error = await client().sendLetter(LETTER, 'k').catch((e: unknown) => e);
    const inner = (body as { error: { code: string; message: string } }).error;
    expect(error).toMatchObject({ code, retryable, details: { status, gatewayCode: inner.code, gatewayMessage: inner.message } });
  }
  script = json(404, { error: { code: 'LETTER_NOT_FOUND', message: 'No letter' } });
  await expect(client().letterStatus('nope')).rejects.toMatchObject({ code: 'HTTP_CLIENT_ERROR', details: { status: 404 } });
  script = (_s, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>proxy login</html>');
  await expect(client().me()).rejects.toMatchObject({ code: 'RESPONSE_INVALID' });
  script = () => {}; // never answers
  await expect(client(300).me()).rejects.toMatchObject({ code: 'TIMEOUT', retryable: true });
  const closed = new GatewayClient({ baseUrl: 'http://127.0.0.1:1', tokens: { getToken: async () => 't' } });
  await expect(closed.me()).rejects.toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
});

test('a send whose answer is lost is retried with the same Idempotency-Key and gets the original letter', async () => {
  seen.length = 0;
  const stored = new Map<string, string>();
  script = (s, res) => {
    const key = String(s.headers['idempotency-key']);
    const id = stored.get(key);
    if (id) return json(200, { id, state: 'accepted', channel: null })(s, res);
    stored.set(key, `5f0c6e1a-0000-4000-8000-00000000000${stored.size + 1}`);
    res.socket?.destroy(); // accepted, then the connection breaks before the answer
  };
  const c = client();
  const first = await c.sendLetter(LETTER, 'key-A').catch((e: unknown) => e);
  expect(first).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
  const again = await c.sendLetter(LETTER, 'key-A');
  expect(again).toEqual({ id: '5f0c6e1a-0000-4000-8000-000000000001', state: 'accepted', channel: null });
  expect(stored.size).toBe(1);
  const posts = seen.filter((s) => s.method === 'POST');
  expect(posts.map((s) => s.headers['idempotency-key'])).toEqual(['key-A', 'key-A']);
  expect(JSON.parse(posts[0]!.body)).toEqual(LETTER); // exactly the documented request shape
});
