import { expect, test } from '@jest/globals';
import { statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteLedger } from './SqliteLedger.js';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.js';
import { aNewLetter, audit, OTHER_CONTACT_POINT, tempDir } from '../../test/fixtures.js';

const openTemp = () => {
  const file = path.join(tempDir(), 'ledger.sqlite');
  return { file, ledger: SqliteLedger.open(file) };
};

test('an accepted letter is in the outbox, claimed by one worker only, and sent once', async () => {
  const { ledger } = openTemp();
  const l = aNewLetter();
  await ledger.acceptLetter(l, audit(l.id));
  const now = new Date();
  const a = await ledger.claimOutbox({ owner: 'w1', leaseMs: 60_000, limit: 10, now });
  const b = await ledger.claimOutbox({ owner: 'w2', leaseMs: 60_000, limit: 10, now });
  expect(a.map((c) => c.record.id)).toEqual([l.id]);
  expect(a[0]?.payload).toBe(l.payload);
  expect(b).toEqual([]);
  expect(await ledger.markSent(l.id, { owner: 'w2', at: now })).toBe(false);
  expect(await ledger.markSent(l.id, { owner: 'w1', at: now, transmissionId: 't-1' })).toBe(true);
  const rec = await ledger.getLetter(l.id);
  expect(rec?.state).toBe('sent');
  expect(rec?.transmissionId).toBe('t-1');
  expect(await ledger.claimOutbox({ owner: 'w3', leaseMs: 1, limit: 10, now: new Date(Date.now() + 120_000) })).toEqual([]);
  await ledger.close();
});

test('a letter whose worker crashed is claimed again once the lease expires, on a reopened file', async () => {
  const { file, ledger } = openTemp();
  const l = aNewLetter();
  await ledger.acceptLetter(l, audit(l.id));
  const t0 = new Date();
  expect(await ledger.claimOutbox({ owner: 'crashed', leaseMs: 5_000, limit: 10, now: t0 })).toHaveLength(1);
  await ledger.close();
  const reopened = SqliteLedger.open(file);
  expect(await reopened.claimOutbox({ owner: 'w2', leaseMs: 5_000, limit: 10, now: new Date(t0.getTime() + 1_000) })).toEqual([]);
  const again = await reopened.claimOutbox({ owner: 'w2', leaseMs: 5_000, limit: 10, now: new Date(t0.getTime() + 6_000) });
  expect(again.map((c) => [c.record.id, c.record.attempts])).toEqual([[l.id, 2]]);
  expect(await reopened.markSent(l.id, { owner: 'crashed', at: new Date() })).toBe(false);
  expect(await reopened.markSent(l.id, { owner: 'w2', at: new Date() })).toBe(true);
  await reopened.close();
});

test('a failed attempt is retried later; a final failure rejects the letter and drops its payload', async () => {
  const { ledger } = openTemp();
  const l = aNewLetter();
  await ledger.acceptLetter(l, audit(l.id));
  const t0 = new Date();
  await ledger.claimOutbox({ owner: 'w', leaseMs: 60_000, limit: 1, now: t0 });
  await ledger.markSendFailed(l.id, { owner: 'w', at: t0, error: 'HTTP 503', retryAt: new Date(t0.getTime() + 10_000) });
  expect(await ledger.claimOutbox({ owner: 'w', leaseMs: 60_000, limit: 1, now: new Date(t0.getTime() + 5_000) })).toEqual([]);
  const retry = await ledger.claimOutbox({ owner: 'w', leaseMs: 60_000, limit: 1, now: new Date(t0.getTime() + 11_000) });
  expect(retry).toHaveLength(1);
  await ledger.markSendFailed(l.id, { owner: 'w', at: new Date(), error: 'MEMO_INVALID' });
  const rec = await ledger.getLetter(l.id);
  expect(rec?.state).toBe('rejected');
  expect(rec?.lastError).toBe('MEMO_INVALID');
  const events = await ledger.letterEvents(l.id);
  expect(events.map((e) => e.state)).toEqual(['accepted', 'rejected']);
});

test('the same Idempotency-Key from the same caseworker returns the first letter', async () => {
  const { ledger } = openTemp();
  const first = await ledger.acceptLetter(aNewLetter({ clientKey: 'k1' }), audit('x'));
  const second = await ledger.acceptLetter(aNewLetter({ clientKey: 'k1' }), audit('y'));
  const other = await ledger.acceptLetter(aNewLetter({ clientKey: 'k1', caseworker: 'cw-2' }), audit('z'));
  expect(first.created).toBe(true);
  expect(second).toEqual({ letter: first.letter, created: false });
  expect(other.created).toBe(true);
});

test('status events are correlated by messageUUID, stored once, and move the letter to its final state', async () => {
  const { ledger } = openTemp();
  const l = aNewLetter();
  await ledger.acceptLetter(l, audit(l.id));
  const ev = { eventId: 'bf-1', messageUUID: l.id, status: 'delivered' as const, routeStatus: 'Afleveret Digital Post', occurredAt: new Date().toISOString() };
  expect(await ledger.recordStatus(ev)).toBe(true);
  expect(await ledger.recordStatus(ev)).toBe(true);
  expect(await ledger.recordStatus({ ...ev, eventId: 'bf-2', messageUUID: '00000000-0000-4000-8000-000000000000' })).toBe(false);
  expect((await ledger.getLetter(l.id))?.state).toBe('delivered');
  const statusEvents = (await ledger.letterEvents(l.id)).filter((e) => e.kind === 'status');
  expect(statusEvents).toHaveLength(1);
  const pending = await ledger.pendingDeliveries(10);
  expect(pending.map((p) => p.event.eventId)).toEqual(['bf-1']);
  await ledger.markDelivered('bf-1', new Date());
  expect(await ledger.pendingDeliveries(10)).toEqual([]);
});

test('replies are correlated by messageUUID, else by case id + contact point, else kept unmatched', async () => {
  const { ledger } = openTemp();
  const l = aNewLetter();
  await ledger.acceptLetter(l, audit(l.id));
  const base = { replyMessageUUID: 'r', title: 'Svar', receivedAt: new Date().toISOString(), memoXml: '<memo/>' };
  const byUuid = await ledger.recordReply({ ...base, replyId: 'in-1', inReplyTo: l.id });
  const byCase = await ledger.recordReply({ ...base, replyId: 'in-2', caseId: l.caseId as string, contactPointId: l.contactPointId as string });
  const none = await ledger.recordReply({ ...base, replyId: 'in-3', caseId: l.caseId as string, contactPointId: OTHER_CONTACT_POINT });
  const dup = await ledger.recordReply({ ...base, replyId: 'in-1' });
  expect([byUuid.correlatedBy, byCase.correlatedBy, none.correlatedBy]).toEqual(['messageUUID', 'caseId+contactPoint', undefined]);
  expect(byCase.letterId).toBe(l.id);
  expect(dup).toEqual(byUuid);
  expect((await ledger.listReplies({ letterId: l.id })).map((r) => r.replyId).sort()).toEqual(['in-1', 'in-2']);
  const pending = await ledger.pendingDeliveries(10);
  expect(pending.map((p) => p.replyId)).toEqual(['in-1', 'in-2']);
  expect(pending[0]?.memoXml).toBe('<memo/>');
});

test('the audit trail is append-only, even through SQL', async () => {
  const { file, ledger } = openTemp();
  const l = aNewLetter();
  await ledger.acceptLetter(l, audit(l.id));
  expect((await ledger.listAudit({ letterId: l.id })).map((a) => a.action)).toEqual(['letter.accepted']);
  await ledger.close();
  const db = new Database(file);
  expect(() => db.prepare('UPDATE audit SET actor = ?').run('someone-else')).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
  db.close();
});

test('replyability counts sent letters, reply-enabled share, replies and median hours to reply', async () => {
  const { ledger } = openTemp();
  const t0 = new Date('2025-03-01T08:00:00.000Z');
  const ids: string[] = [];
  for (const [i, reply] of [true, true, false].entries()) {
    const l = aNewLetter({ replyEnabled: reply, acceptedAt: t0.toISOString() });
    ids.push(l.id);
    await ledger.acceptLetter(l, audit(l.id));
    await ledger.claimOutbox({ owner: 'w', leaseMs: 1000, limit: 5, now: new Date(t0.getTime() + 1000) });
    await ledger.markSent(l.id, { owner: 'w', at: t0 });
    if (reply) {
      await ledger.recordReply({ replyId: `r${i}`, replyMessageUUID: `m${i}`, inReplyTo: l.id, title: 'Svar', memoXml: '<x/>', receivedAt: new Date(t0.getTime() + (i + 1) * 3_600_000 * 2).toISOString() });
    }
  }
  const rows = await ledger.replyability({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' });
  expect(rows).toEqual([{ senderSystem: 'outlook', lettersSent: 3, replyEnabled: 2, repliesReceived: 2, medianHoursToReply: 3, replyTurnedOff: 0, replyOffReasons: [], physical: 0 }]);
});

test('concurrent acceptances are committed together, each durable once answered; a failing one fails alone', async () => {
  const { file, ledger } = openTemp();
  const [a, b] = [aNewLetter(), aNewLetter()];
  const results = await Promise.allSettled([
    ledger.acceptLetter(a, audit(a.id)),
    ledger.acceptLetter({ ...b, id: a.id }, audit(a.id)), // same id: refused by the primary key
    ledger.acceptLetter(b, audit(b.id)),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  // Read by another connection (as after a crash): what was answered is on disk.
  const db = new Database(file, { readonly: true });
  expect((db.prepare('SELECT id FROM letters ORDER BY id').all() as { id: string }[]).map((r) => r.id)).toEqual([a.id, b.id].sort());
  expect((db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n).toBe(2);
  db.close();
  await ledger.close();
});

test('a letter\'s content is kept apart from its row and dropped in its final state', async () => {
  const { file, ledger } = openTemp();
  const [sent, rejected] = [aNewLetter({ payload: '{"n":1}' }), aNewLetter({ payload: '{"n":2}' })];
  for (const l of [sent, rejected]) await ledger.acceptLetter(l, audit(l.id));
  const claimed = await ledger.claimOutbox({ owner: 'w', leaseMs: 60_000, limit: 10, now: new Date(Date.now() + 1000) });
  expect(claimed.map((c) => [c.record.id, c.payload]).sort()).toEqual([[sent.id, '{"n":1}'], [rejected.id, '{"n":2}']].sort());
  await ledger.markSent(sent.id, { owner: 'w', at: new Date() });
  await ledger.markSendFailed(rejected.id, { owner: 'w', at: new Date(), error: 'MEMO_INVALID' });
  const payloads = () => {
    const db = new Database(file, { readonly: true });
    const ids = (db.prepare('SELECT letter_id FROM letter_payloads').all() as { letter_id: string }[]).map((r) => r.letter_id);
    db.close();
    return ids;
  };
  expect(payloads()).toEqual([sent.id]); // sent, not yet delivered: kept for a resend
  await ledger.recordStatus({ eventId: 'bf-9', messageUUID: sent.id, status: 'delivered', routeStatus: 'Afleveret', occurredAt: new Date().toISOString() });
  expect(payloads()).toEqual([]);
  await ledger.close();
});

test('a ledger from before migration 3 keeps the content of its queued letters', async () => {
  const file = path.join(tempDir(), 'ledger.sqlite');
  const old = new Database(file);
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const [i, sql] of SQLITE_MIGRATIONS.slice(0, 2).entries()) {
    old.exec(sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(i + 1, new Date().toISOString());
  }
  const now = new Date().toISOString();
  old.prepare(`INSERT INTO letters (id, sender_system, caseworker, recipient_masked, title, reply_enabled, payload, accepted_at, state, next_attempt_at)
    VALUES ('11111111-1111-4111-8111-111111111111', 'outlook', 'cw-1', 'cpr:010190-****', 'Brev', 0, '{"queued":true}', ?, 'accepted', ?)`).run(now, now);
  old.close();
  const ledger = SqliteLedger.open(file);
  const claimed = await ledger.claimOutbox({ owner: 'w', leaseMs: 60_000, limit: 10, now: new Date(Date.now() + 1000) });
  expect(claimed.map((c) => c.payload)).toEqual(['{"queued":true}']);
  await ledger.close();
});

test('a file ledger commits without blocking fsync and checkpoints its WAL in the background', async () => {
  const file = path.join(tempDir(), 'ledger.sqlite');
  const ledger = SqliteLedger.open(file, { checkpointIntervalMs: 20 });
  const big = JSON.stringify({ content: 'A'.repeat(200_000) });
  await Promise.all(Array.from({ length: 5 }, () => aNewLetter({ payload: big })).map((l) => ledger.acceptLetter(l, audit(l.id))));
  // The WAL holds the letters at first; the worker copies them into the database file.
  const deadline = Date.now() + 10_000;
  while (statSync(file).size < 1_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(statSync(file).size).toBeGreaterThan(1_000_000);
  const db = new Database(file, { readonly: true });
  expect((db.prepare('SELECT count(*) AS n FROM letter_payloads').get() as { n: number }).n).toBe(5);
  db.close();
  await ledger.close();
});
