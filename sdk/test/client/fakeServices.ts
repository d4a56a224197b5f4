/**
 * A small loopback implementation of the SF1601 and NgDP endpoints the client uses, for the
 * mutual-TLS and fault-injection tests (real sockets, real TLS). Letters are stored by
 * message UUID; a repeated UUID answers with the original receipt, as the sandbox does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';

export interface StoredLetter {
  readonly messageUUID: string;
  readonly transmissionId: string;
  readonly receipt: string;
  attempts: number;
}

export interface FakeServices {
  readonly letters: Map<string, StoredLetter>;
  /** UseKey values seen by the STS. */
  readonly useKeys: string[];
  /** Called after a letter is stored: return 'drop' to destroy the socket without answering. */
  afterStore?: (letter: StoredLetter) => 'answer' | 'drop';
  /** Called before anything is processed: answer a fault or go on. */
  before?: (req: IncomingMessage, res: ServerResponse) => boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function peerCertificateBase64(req: IncomingMessage): string | undefined {
  const socket = req.socket as Partial<TLSSocket>;
  const raw = socket.getPeerCertificate?.()?.raw;
  return raw ? raw.toString('base64') : undefined;
}

export function createFakeServices(): FakeServices {
  let counter = 0;
  const services: FakeServices = {
    letters: new Map(),
    useKeys: [],
    handle(req, res) {
      void route(services, req, res, () => `7d9e4c1a-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`).catch(() => res.destroy());
    },
  };
  return services;
}

async function route(s: FakeServices, req: IncomingMessage, res: ServerResponse, nextId: () => string): Promise<void> {
  const body = await readBody(req);
  if (s.before && !s.before(req, res)) return;
  const url = new URL(req.url ?? '/', 'http://x');
  const json = (status: number, value: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
  };
  if (url.pathname.endsWith('/wstrust/v1/issue')) {
    const useKey = String((JSON.parse(body) as { UseKey?: unknown }).UseKey ?? '');
    s.useKeys.push(useKey);
    try {
      new X509Certificate(Buffer.from(useKey, 'base64'));
    } catch {
      return json(400, { error: 'UseKey is not a certificate' });
    }
    const peer = peerCertificateBase64(req);
    if (peer !== undefined && peer !== useKey) return json(400, { error: 'UseKey is not the TLS client certificate' });
    return json(200, { RequestedSecurityToken: { Assertion: Buffer.from('<saml:Assertion/>').toString('base64') }, Lifetime: { Expires: new Date(Date.now() + 8 * 3600_000).toISOString() } });
  }
  if (url.pathname.endsWith('/AccessTokenService_1/token')) return json(200, { access_token: 'fake-access-token', token_type: 'Holder-of-key', expires_in: 3600 });
  if (url.pathname.endsWith('/KombiPostAfsend_1/kombi')) {
    const uuid = /<memo:messageUUID>([^<]+)</.exec(body)?.[1] ?? /<fjernprint:AfsendelseIdentifikator>([^<]+)</.exec(body)?.[1] ?? '';
    const letter = store(s, uuid, (id) => `<kombi_response><Result>true</Result><TransmissionID>${id}</TransmissionID></kombi_response>`, nextId);
    if (s.afterStore?.(letter) === 'drop') return void req.socket.destroy();
    res.writeHead(200, { 'Content-Type': 'application/xml' }).end(letter.receipt);
    return;
  }
  if (url.pathname.endsWith('/apis/v1/memos/') && req.method === 'POST') {
    const uuid = url.searchParams.get('memo-message-uuid') ?? '';
    const letter = store(s, uuid, (id) => JSON.stringify({ transmissionId: id, messageUUID: uuid, receiptStatus: 'RECEIVED' }), nextId);
    if (s.afterStore?.(letter) === 'drop') return void req.socket.destroy();
    res.writeHead(201, { 'Content-Type': 'application/json' }).end(letter.receipt);
    return;
  }
  json(404, { code: 'NOT_FOUND', message: url.pathname });
}

function store(s: FakeServices, uuid: string, receipt: (transmissionId: string) => string, nextId: () => string): StoredLetter {
  const existing = s.letters.get(uuid);
  if (existing) {
    existing.attempts++;
    return existing;
  }
  const transmissionId = nextId();
  const letter: StoredLetter = { messageUUID: uuid, transmissionId, receipt: receipt(transmissionId), attempts: 1 };
  s.letters.set(uuid, letter);
  return letter;
}
