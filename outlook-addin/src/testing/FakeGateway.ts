/**
 * A small fake of the Postbud gateway (and the sandbox IdP's token endpoint) on a real
 * loopback HTTP server, recording what it receives. Used by the add-in's integration and
 * browser tests until they run against the real gateway.
 * @module
 */
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
 * `drop-after-accept`: store, then cut the connection (browsers may silently resend the POST on
 * a reused connection); `error-after-accept`: store, then answer 503; `server-error`: 503
 * without storing; `reject`: 422.
 */
export type SendFault = 'drop-after-accept' | 'error-after-accept' | 'server-error' | 'reject';

export class FakeGateway {
  readonly letters: RecordedLetter[] = [];
  /** Every request as `METHOD path`. */
  readonly requests: string[] = [];
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
    const send = (status: number, body: unknown): void => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

    if (url.pathname === '/idp/.well-known/openid-configuration') return send(200, { issuer: `${this.#url}/idp`, token_endpoint: `${this.#url}/idp/token` });
    if (url.pathname === '/idp/token') {
      const form = new URLSearchParams(raw);
      return form.get('username') ? send(200, { access_token: `dev-token-${form.get('username')}`, token_type: 'Bearer', expires_in: 3600 }) : send(400, { error: 'invalid_request' });
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer dev-token-')) return send(401, { code: 'AUTH_FAILED', message: 'Missing or invalid token' });
    return this.#api(req, res, url, raw, auth, send);
  }

  #api(req: IncomingMessage, res: ServerResponse, url: URL, raw: string, auth: string, send: (s: number, b: unknown) => void): void {
    const path = url.pathname;
    if (req.method === 'GET' && path === '/v1/me') return send(200, aMe());
    if (req.method === 'POST' && path === '/v1/lookup') return send(200, lookup(JSON.parse(raw) as Record<string, unknown>));
    if (req.method === 'GET' && path === '/v1/companies') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      return send(200, { companies: COMPANIES.filter((c) => c.name.toLowerCase().includes(q)).map(({ cvr, name, address }) => ({ cvr, name, address })) });
    }
    const company = /^\/v1\/companies\/(\d+)$/.exec(path);
    if (req.method === 'GET' && company) {
      const found = COMPANIES.find((c) => c.cvr === company[1]);
      return found ? send(200, found) : send(404, { code: 'NOT_FOUND', message: 'No company with that CVR number' });
    }
    if (req.method === 'POST' && path === '/v1/letters') return this.#postLetter(req, res, raw, auth, send);
    const letter = /^\/v1\/letters\/([\w-]+)$/.exec(path);
    if (req.method === 'GET' && letter) {
      const found = this.letters.find((l) => l.id === letter[1]);
      if (!found) return send(404, { code: 'NOT_FOUND', message: 'No such letter' });
      return send(200, { id: found.id, status: 'delivered', channel: channelFor(found.body) });
    }
    send(404, { code: 'NOT_FOUND', message: `No route ${req.method} ${path}` });
  }

  #postLetter(req: IncomingMessage, res: ServerResponse, raw: string, auth: string, send: (s: number, b: unknown) => void): void {
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!key) return send(400, { code: 'IDEMPOTENCY_KEY_MISSING', message: 'Idempotency-Key header is required' });
    const existing = this.letters.find((l) => l.idempotencyKey === key);
    const fault = this.sendFaults.shift();
    if (fault === 'server-error') return send(503, { code: 'UNAVAILABLE', message: 'Try again later' });
    if (fault === 'reject') return send(422, { code: 'LETTER_INVALID', message: 'Titlen mangler' });
    if (existing) {
      this.duplicateSends++;
      return send(202, { id: existing.id });
    }
    const id = `ltr-${this.letters.length + 1}`;
    this.letters.push({ id, idempotencyKey: key, authorization: auth, body: JSON.parse(raw) as Record<string, unknown> });
    if (fault === 'drop-after-accept') return void res.socket?.destroy();
    if (fault === 'error-after-accept') return send(503, { code: 'UNAVAILABLE', message: 'The ledger did not answer in time' });
    send(202, { id });
  }
}

function lookup(body: Record<string, unknown>): Record<string, unknown> {
  if (body['kind'] === 'cpr') {
    const c = CITIZENS.find((x) => x.cpr === body['cpr']);
    return c ? { reachability: c.reachability, name: c.name } : { reachability: 'unreachable', reason: 'Ukendt CPR-nummer' };
  }
  const company = COMPANIES.find((x) => x.cvr === body['cvr']);
  if (!company) return { reachability: 'unreachable', reason: 'Ukendt CVR-nummer' };
  const unit = company.productionUnits.find((u) => u.pNumber === body['pNumber']);
  return { reachability: company.reachability, name: company.name, ...(unit ? { productionUnitName: unit.name } : {}) };
}

function channelFor(letter: Record<string, unknown>): 'digital' | 'physical' {
  const r = letter['recipient'] as Record<string, unknown> | undefined;
  const reach = r?.['kind'] === 'cpr' ? CITIZENS.find((c) => c.cpr === r['cpr'])?.reachability : COMPANIES.find((c) => c.cvr === r?.['cvr'])?.reachability;
  return reach === 'physical' ? 'physical' : 'digital';
}
