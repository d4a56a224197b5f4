import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoXsdValidator } from '@postbud/sdk/node';
import { sharedReference } from '../../test-support/sharedReference.js';
import { FIXTURES, run } from './testContext.js';

const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const xsdDir = sharedReference('memo');

test('format turns a default-namespace MeMo into memo:-prefixed canonical XML', async () => {
  const r = await run(['memo', 'format', 'default-namespace.xml']);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?><memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1"')).toBe(true);
  expect(r.stdout).toContain('<memo:messageUUID>3f2504e0-4f89-41d3-9a0c-0305e82c3301</memo:messageUUID>');
  expect(r.stdout).not.toMatch(/<(?!memo:|\/memo:|\?xml)[A-Za-z]/);
  if (xsdDir) expect(await (await MemoXsdValidator.load(xsdDir)).validate(r.stdout, '1.2')).toEqual([]);
});

test('format of a prefixed and a default-namespace copy of one letter gives the same bytes', async () => {
  const a = await run(['memo', 'format', 'valid-letter.xml']);
  const b = await run(['memo', 'format', 'default-namespace.xml']);
  expect(a.exitCode).toBe(0);
  expect(a.stdout).toBe(b.stdout);
});

test('format reads standard input with -', async () => {
  const r = await run(['memo', 'format', '-'], { stdin: fixture('default-namespace.xml') });
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain('<memo:Message');
});

test('format restores XSD order and notes the structural issue on standard error', async () => {
  const r = await run(['memo', 'format', 'out-of-order.xml']);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toMatch(/<memo:messageUUID>[^<]+<\/memo:messageUUID><memo:label>/);
  expect(r.stderr).toContain('structural issue');
  expect(r.stderr).toContain('postbud memo validate');
});

test('format fails with exit 1 and the reason when the input is not MeMo', async () => {
  const malformed = await run(['memo', 'format', 'malformed.xml']);
  expect(malformed.exitCode).toBe(1);
  expect(malformed.stdout).toBe('');
  expect(malformed.stderr).toMatch(/^postbud: MEMO_XML_MALFORMED: /);
  const html = await run(['memo', 'format', 'not-memo.xml']);
  expect(html.exitCode).toBe(1);
  expect(html.stderr).toMatch(/^postbud: MEMO_NOT_MEMO: .*<html>/);
  const missing = await run(['memo', 'format', 'no-such-file.xml']);
  expect(missing.exitCode).toBe(1);
  expect(missing.stderr).toBe('postbud: FILE_UNREADABLE: Cannot read no-such-file.xml: no such file.\n');
});

test('format needs exactly one file', async () => {
  const r = await run(['memo', 'format']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain("missing required argument 'file'");
});
