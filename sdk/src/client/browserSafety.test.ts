/**
 * The browser bundle (the Outlook add-in) imports `@postbud/sdk`: nothing it reaches may import
 * `node:` modules or Node-only packages. Node-only code lives in runtime/node (`@postbud/sdk/node`).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@jest/globals';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT_FOLDERS = ['client', 'transport', 'sf1601', 'ngdp', 'status', 'replies', 'logging', 'environments', 'lookup', 'send'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

test('client code imports no node: modules, node-forge, or runtime/node', () => {
  const offenders: string[] = [];
  for (const folder of CLIENT_FOLDERS) {
    for (const file of sources(path.join(src, folder))) {
      const text = readFileSync(file, 'utf8');
      if (/from ['"](node:|node-forge|.*runtime\/node)/.test(text) || /\bBuffer\./.test(text)) offenders.push(path.relative(src, file));
    }
  }
  expect(offenders).toEqual([]);
});
