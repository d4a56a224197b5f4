import { afterEach, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SandboxStore } from './SandboxStore.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openStore(): { store: SandboxStore; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'postbud-group-'));
  dirs.push(dir);
  const store = SandboxStore.open(dir);
  return { store, file: path.join(dir, 'sandbox.sqlite') };
}

/** What another connection (a restarted sandbox) would find on disk. */
function valuesOnDisk(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT key FROM kv WHERE key LIKE 'k%' ORDER BY key").all() as { key: string }[]).map((r) => r.key);
  } finally {
    db.close();
  }
}

test('writes of one event-loop turn share one transaction, visible on this connection at once and on disk after the commit', async () => {
  const { store, file } = openStore();
  const first = store.joinGroupCommit();
  store.setValue('k1', 'a');
  const second = store.joinGroupCommit();
  store.setValue('k2', 'b');
  expect(second).toBe(first);
  expect(store.getValue('k1')).toBe('a'); // the duplicate check reads uncommitted rows
  expect(valuesOnDisk(file)).toEqual([]);
  await first;
  expect(store.db.inTransaction).toBe(false);
  expect(valuesOnDisk(file)).toEqual(['k1', 'k2']);
  expect(await store.groupCommitted()).toBeUndefined();
  store.close();
});

test('a later turn opens a new group; close commits an open one', async () => {
  const { store, file } = openStore();
  const first = store.joinGroupCommit();
  store.setValue('k1', 'a');
  await first;
  const next = store.joinGroupCommit();
  expect(next).not.toBe(first);
  store.setValue('k2', 'b');
  store.close();
  await next;
  expect(valuesOnDisk(file)).toEqual(['k1', 'k2']);
});
