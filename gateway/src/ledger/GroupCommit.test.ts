import { expect, test } from '@jest/globals';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from './GroupCommit.js';
import { tempDir } from '../../test/fixtures.js';

/** A WAL database with a writer (batched) and a second connection that sees committed rows only. */
function open() {
  const file = path.join(tempDir(), 'g.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const reader = new Database(file, { readonly: true });
  const committed = () => (reader.prepare('SELECT id FROM t ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  return { db, committed, writes: new GroupCommit(db) };
}

test('writes queued in the same turn share one transaction and are answered only after its commit', async () => {
  const { db, committed, writes } = open();
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  const seenByOthers: number[][] = [];
  const first = writes.run(() => insert.run(1, 'a').changes);
  const second = writes.run(() => {
    seenByOthers.push(committed()); // the first write is not committed yet: same transaction
    return insert.run(2, 'b').changes;
  });
  const answeredAfter: number[][] = [];
  void first.then(() => answeredAfter.push(committed()));
  expect(await Promise.all([first, second])).toEqual([1, 1]);
  expect(seenByOthers).toEqual([[]]);
  expect(answeredAfter).toEqual([[1, 2]]);
  db.close();
});

test('a write that throws is rolled back alone; the rest of its batch is committed', async () => {
  const { db, committed, writes } = open();
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  const results = await Promise.allSettled([
    writes.run(() => insert.run(1, 'a')),
    writes.run(() => {
      insert.run(2, 'half done');
      insert.run(1, 'duplicate key'); // fails: its own first insert must go too
    }),
    writes.run(() => insert.run(3, 'c')),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
  expect(committed()).toEqual([1, 3]);
  db.close();
});

test('a failed commit fails every write of the batch and keeps none', async () => {
  const { db, committed, writes } = open();
  db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)');
  db.pragma('foreign_keys = ON');
  const results = await Promise.allSettled([
    writes.run(() => db.prepare('INSERT INTO t VALUES (1, ?)').run('a')),
    writes.run(() => db.prepare('INSERT INTO child VALUES (42)').run()), // deferred: fails only at COMMIT
  ]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect(committed()).toEqual([]);
  expect(db.inTransaction).toBe(false);
  expect(await writes.run(() => db.prepare('INSERT INTO t VALUES (2, ?)').run('b').changes)).toBe(1);
  expect(committed()).toEqual([2]);
  db.close();
});

test('drain waits for queued writes; more than maxBatch writes go in several transactions', async () => {
  const file = path.join(tempDir(), 'g.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  const writes = new GroupCommit(db, { maxBatch: 2 });
  const all = [1, 2, 3, 4, 5].map((id) => writes.run(() => db.prepare('INSERT INTO t VALUES (?)').run(id)));
  await writes.drain();
  expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(5);
  await Promise.all(all);
  db.close();
});

test('with a sync, a write is answered after a sync that began after its commit; commits during a sync wait for the next', async () => {
  const { db } = open();
  const syncs: { done: () => void; fail: (e: Error) => void }[] = [];
  const writes = new GroupCommit(db, { sync: () => new Promise<void>((resolve, reject) => syncs.push({ done: resolve, fail: reject })) });
  const answered: string[] = [];
  const insert = (id: number) => writes.run(() => db.prepare('INSERT INTO t VALUES (?, ?)').run(id, 'x')).then(() => answered.push(`w${id}`));
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };
  const first = insert(1);
  await settle();
  expect([syncs.length, answered]).toEqual([1, []]); // committed, sync running, not answered
  const second = insert(2);
  const third = insert(3);
  await settle();
  expect(syncs.length).toBe(1); // w2, w3 committed meanwhile: they wait for the next sync
  syncs[0]?.done();
  await first;
  await settle();
  expect([syncs.length, answered]).toEqual([2, ['w1']]);
  syncs[1]?.fail(new Error('EIO'));
  await expect(second).rejects.toThrow('EIO');
  await expect(third).rejects.toThrow('EIO');
  expect(answered).toEqual(['w1']);
  db.close();
});
