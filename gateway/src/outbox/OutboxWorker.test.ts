import { expect, test } from '@jest/globals';
import path from 'node:path';
import { Writable } from 'node:stream';
import { PostbudError } from '@postbud/sdk';
import { createLogger } from '../logging/createLogger.js';
import { SqliteLedger } from '../ledger/SqliteLedger.js';
import { aNewLetter, audit, TEST_CPR, tempDir } from '../../test/fixtures.js';
import { FakeRoute } from '../../test/FakeRoute.js';
import { OutboxWorker } from './OutboxWorker.js';

const AUTH_401 = new PostbudError('AUTH_FAILED', 'KombiPostAfsend was refused (HTTP 401). Check the certificate.', { fault: 'client', details: { status: 401 } });
const TLS = new PostbudError('TLS_ERROR', 'The TLS handshake for KOMBIT STS failed (CERT_HAS_EXPIRED).', { fault: 'client' });
const MEMO_REFUSED = new PostbudError('SEND_REJECTED', 'SF1601 rejected the letter (memo.invalid): label missing.', { fault: 'client', details: { serverCode: 'memo.invalid' } });
const SERVICE_REFUSED = new PostbudError('SEND_REJECTED', 'SF1601 rejected the letter (adgang.naegtet): no service agreement.', { fault: 'client', details: { serverCode: 'adgang.naegtet' } });

async function world() {
  const ledger = SqliteLedger.open(path.join(tempDir(), 'ledger.sqlite'));
  const route = new FakeRoute();
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } }) as never });
  let now = new Date();
  const worker = new OutboxWorker({ ledger, route, logger, owner: 'w1', now: () => now });
  const letter = aNewLetter({ payload: JSON.stringify({ letter: { title: 'Brev', recipient: { type: 'cpr', cpr: TEST_CPR } }, channel: 'digital-only' }) });
  await ledger.acceptLetter(letter, audit(letter.id));
  /** Moves the clock past any back-off and runs one round. */
  const round = async () => {
    now = new Date(now.getTime() + 16 * 60_000);
    return worker.runOnce();
  };
  return { ledger, route, worker, lines, id: letter.id, round };
}

test('auth, certificate and unknown route refusals keep the letter in the outbox with back-off, past any attempt count, until it is sent', async () => {
  const w = await world();
  for (let i = 0; i < 12; i++) {
    w.route.failNext = [AUTH_401, TLS, SERVICE_REFUSED][i % 3];
    expect(await w.round()).toBe(1);
    expect((await w.ledger.getLetter(w.id))?.state).toBe('accepted');
  }
  expect(w.worker.routeHealth()).toMatchObject({ ok: false, consecutiveFailures: 12, lastError: expect.stringContaining('adgang.naegtet') });
  expect(w.lines.filter((l) => l.includes('"level":50') && l.includes('stays in the outbox'))).toHaveLength(12);
  // The municipality fixes its certificate: the queued letter goes out, and health recovers.
  await w.round();
  expect((await w.ledger.getLetter(w.id))?.state).toBe('sent');
  expect(w.route.sent.size).toBe(1);
  expect(w.worker.routeHealth()).toEqual({ ok: true, consecutiveFailures: 0 });
});

test('a transient failure is retried after back-off, not at once, and logged as a warning', async () => {
  const w = await world();
  w.route.failNext = FakeRoute.retryable();
  await w.round();
  expect(await w.worker.runOnce()).toBe(0); // within the back-off
  expect(w.lines.some((l) => l.includes('"level":40') && l.includes('retried later'))).toBe(true);
  await w.round();
  expect((await w.ledger.getLetter(w.id))?.state).toBe('sent');
});

test('only a fault of the letter itself rejects it at once', async () => {
  for (const error of [MEMO_REFUSED, new PostbudError('PHYSICAL_LETTER_INVALID', 'no address'), new PostbudError('HTTP_CLIENT_ERROR', 'bad memo', { details: { status: 400, serverCode: 'memo.invalid' } })]) {
    const w = await world();
    w.route.failNext = error;
    await w.round();
    const letter = await w.ledger.getLetter(w.id);
    expect([letter?.state, letter?.lastError?.startsWith(error.code)]).toEqual(['rejected', true]);
    expect(w.worker.routeHealth().ok).toBe(true);
  }
});
