/**
 * A small fake of the Postbud gateway (and the sandbox IdP's token endpoint) on a real
 * loopback HTTP server, speaking the gateway's JSON shapes (gateway/src/http/schemas.ts plus
 * the agreed additions) and recording what it receives. It checks request shapes the way the
 * gateway's schema does, so a drift in the add-in fails here too. Used where a test needs
 * faults the real gateway cannot produce on demand (an answer lost after acceptance).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aMe, CITIZENS, COMPANIES } from './fixtures.js';

export interface RecordedLetter {
  readonly id: string;
  readonly idempotencyKey: string;
  readonly authorization: string;
  readonly body: Record<string, unknown>;
}

/**
 * `drop-after-accept`: store, then cut the connection; `error-after-accept`: store, then
 * answer 503; `server-error`: 503 without storing; `reject`: 422.
 */
export type SendFault = 'drop-after-accept' | 'error-after-accept' | 'server-error' | 'reject';

type Send = (status: number, body: unknown) => void;
type Json = Record<string, unknown>;

const problem = (code: string, message: string): Json => ({ error: { code, message } });

/** The checks of the gateway's `LetterRequest` schema the add-in could get wrong. */
export function letterRequestProblem(b: Json): string | undefined {
  const r = b['recipient'] as Json | undefined;
  const reply = b['reply'] as Json | undefined;
  const body = b['body'] as Json | undefined;
  if (typeof b['senderSystem'] !== 'string') return '/senderSystem is required';
  if (r?.['type'] !== 'cpr' && r?.['type'] !== 'cvr') return '/recipient/type must be cpr or cvr';
  if (r['type'] === 'cpr' && !/^\d{6}-?\d{4}$/.test(String(r['cpr']))) return '/recipient/cpr is not a CPR number';
  if (r['type'] === 'cvr' && (!/^\d{8}$/.test(String(r['cvr'])) || (r['pNumber'] !== undefined && !/^\d{10}$/.test(String(r['pNumber']))))) return '/recipient is not a CVR (+ P-number)';
  if (typeof b['title'] !== 'string' || b['title'] === '') return '/title is required';
  if (b['kle'] !== undefined && typeof b['kle'] !== 'string') return '/kle must be a string';
  if (reply !== undefined && (typeof reply['enabled'] !== 'boolean' || (reply['replyBy'] !== undefined && Number.isNaN(Date.parse(String(reply['replyBy'])))))) return '/reply is malformed';
  if (typeof body?.['html'] !== 'string') return '/body/html is required';
  if (!Array.isArray(b['files']) || !Array.isArray(b['inlineImages'])) return '/files and /inlineImages must be arrays';
  return undefined;
}

export class FakeGateway {
  readonly letters: RecordedLetter[] = [];
  /** Every request as `METHOD path`. */
  readonly requests: string[] = [];
  /** Bodies of `POST /v1/lookup`. */
  readonly lookups: Json[] = [];
  /** Faults applied to the next POST /v1/letters calls, in order. */
  readonly sendFaults: SendFault[] = [];
  /** Number of POST /v1/letters answered from the idempotency record. */
  duplicateSends = 0;
  readonly #server: Server;
  #url = '';

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(): Promise<FakeGateway> {
    const g = new FakeGateway();
    await new Promise<void>((resolve) => g.#server.listen(0, '127.0.0.1', resolve));
    g.#url = `http://127.0.0.1:${(g.#server.address() as AddressInfo).port}`;
    return g;
  }

  get url(): string {
    return this.#url;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', this.#url);
    this.requests.push(`${req.method} ${url.pathname}`);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const send: Send = (status, body) => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

    if (url.pathname === '/idp/.well-known/openid-configuration') return send(200, { issuer: `${this.#url}/idp`, token_endpoint: `${this.#url}/idp/token` });
    if (url.pathname === '/idp/token') {
      const form = new URLSearchParams(raw);
      return form.get('username') ? send(200, { access_token: `dev-token-${form.get('username')}`, token_type: 'Bearer', expires_in: 3600 }) : send(400, { error: 'invalid_request' });
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer dev-token-')) return send(401, problem('UNAUTHENTICATED', 'Send an identity token as "Authorization: Bearer <token>".'));
    let json: Json = {};
    try {
      if (raw !== '') json = JSON.parse(raw) as Json;
    } catch {
      return send(400, problem('REQUEST_INVALID', 'The body is not JSON.'));
    }
    return this.#api(req, res, url, json, auth, send);
  }

  #api(req: IncomingMessage, res: ServerResponse, url: URL, body: Json, auth: string, send: Send): void {
    const path = url.pathname;
    if (req.method === 'GET' && path === '/v1/me') return send(200, aMe());
    if (req.method === 'POST' && path === '/v1/lookup') {
      this.lookups.push(body);
      return lookup(body, send);
    }
    if (req.method === 'GET' && path === '/v1/companies') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      return send(200, { companies: COMPANIES.filter((c) => c.name.toLowerCase().includes(q)).map(({ reachability: _r, ...c }) => c) });
    }
    const company = /^\/v1\/companies\/(\d+)$/.exec(path);
    if (req.method === 'GET' && company) {
      const found = COMPANIES.find((c) => c.cvr === company[1]);
      if (!found) return send(404, problem('COMPANY_NOT_FOUND', 'No company has that CVR number.'));
      const { reachability: _r, ...c } = found;
      return send(200, c);
    }
    if (req.method === 'POST' && path === '/v1/letters') return this.#postLetter(req, res, body, auth, send);
    const letter = /^\/v1\/letters\/([\w-]+)$/.exec(path);
    if (req.method === 'GET' && letter) {
      const found = this.letters.find((l) => l.id === letter[1]);
      if (!found) return send(404, problem('LETTER_NOT_FOUND', 'No letter with that id that you may see.'));
      return send(200, {
        letter: { ...apiLetter(found, 'delivered'), channel: channelFor(found.body) },
        history: [{ eventId: '1', kind: 'state', state: 'accepted', occurredAt: new Date().toISOString() }, { eventId: '2', kind: 'state', state: 'delivered', occurredAt: new Date().toISOString() }],
      });
    }
    send(404, problem('NOT_FOUND', `No route ${req.method} ${path}`));
  }

  #postLetter(req: IncomingMessage, res: ServerResponse, body: Json, auth: string, send: Send): void {
    const key = String(req.headers['idempotency-key'] ?? '');
    const fault = this.sendFaults.shift();
    if (fault === 'server-error') return send(503, problem('UNAVAILABLE', 'Try again later'));
    if (fault === 'reject') return send(422, problem('LETTER_INVALID', 'Titlen mangler'));
    const bad = letterRequestProblem(body);
    if (bad) return send(400, problem('REQUEST_INVALID', `The letter request is not valid: ${bad}`));
    const existing = key ? this.letters.find((l) => l.idempotencyKey === key) : undefined;
    if (existing) {
      this.duplicateSends++;
      return send(200, apiLetter(existing, 'accepted'));
    }
    const recorded = { id: randomUUID(), idempotencyKey: key, authorization: auth, body };
    this.letters.push(recorded);
    if (fault === 'drop-after-accept') return void res.socket?.destroy();
    if (fault === 'error-after-accept') return send(503, problem('UNAVAILABLE', 'The ledger did not answer in time'));
    send(202, apiLetter(recorded, 'accepted'));
  }
}

function apiLetter(l: RecordedLetter, state: string): Json {
  const reply = l.body['reply'] as Json | undefined;
  return {
    id: l.id, senderSystem: l.body['senderSystem'], state, channel: null, acceptedAt: new Date().toISOString(),
    replyEnabled: reply?.['enabled'] === true, title: l.body['title'],
  };
}

function lookup(body: Json, send: Send): void {
  const keys = Object.keys(body).sort().join(',');
  if (!['cpr', 'cvr', 'cvr,pNumber'].includes(keys)) return send(400, problem('REQUEST_INVALID', `Lookup takes {cpr} or {cvr, pNumber?}, got {${keys}}`));
  if (typeof body['cpr'] === 'string') {
    const c = CITIZENS.find((x) => x.cpr === String(body['cpr']).replace('-', ''));
    return send(200, c ? { reachability: c.reachability, name: c.name, nemSms: false, ...(c.reason ? { reason: c.reason } : {}) } : { reachability: 'unreachable', reason: 'unknown' });
  }
  const company = COMPANIES.find((x) => x.cvr === body['cvr']);
  if (!company) return send(200, { reachability: 'unreachable', reason: 'unknown' });
  const unit = company.productionUnits.find((u) => u.pNumber === body['pNumber']);
  send(200, { reachability: company.reachability, name: company.name, ...(unit ? { productionUnitName: unit.name } : {}) });
}

function channelFor(letter: Json): 'digital' | 'physical' {
  const r = letter['recipient'] as Json | undefined;
  const reach = r?.['type'] === 'cpr' ? CITIZENS.find((c) => c.cpr === String(r['cpr']).replace('-', ''))?.reachability : COMPANIES.find((c) => c.cvr === r?.['cvr'])?.reachability;
  return reach === 'physical' ? 'physical' : 'digital';
}
