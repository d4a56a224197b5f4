import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedReference } from '../../test-support/sharedReference.js';
import { FIXTURES, run } from './testContext.js';

const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const xsdDir = sharedReference('memo');

test('valid files: exit 0, nothing on standard output, a summary on standard error', async () => {
  const r = await run(['memo', 'validate', 'valid-letter.xml', 'default-namespace.xml']);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe('All 2 files are valid MeMo.\n');
});

test('an invalid file: exit 1 and exactly one "file: path: CODE: message" line per problem', async () => {
  const r = await run(['memo', 'validate', 'valid-letter.xml', 'invalid-letter.xml']);
  expect(r.exitCode).toBe(1);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines.map((l) => l.split(': ').slice(0, 3).join(': '))).toEqual([
    'invalid-letter.xml: /Message/MessageHeader/messageUUID: UUID_V4',
    'invalid-letter.xml: /Message/MessageBody/MainDocument/File[1]/filename: FILENAME_CHARACTERS',
    'invalid-letter.xml: /Message/MessageBody/MainDocument/Action[1]/EntryPoint/url: ACTION_URL_NOT_HTTPS',
  ]);
  for (const line of lines) expect(line).toMatch(/^invalid-letter\.xml: \/\S+: [A-Z_0-9]+: \S.*$/);
  expect(r.stderr).toBe('3 problems in 1 of 2 files.\n');
});

test('structural problems found while reading are reported too', async () => {
  const r = await run(['memo', 'validate', 'out-of-order.xml']);
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toMatch(/^out-of-order\.xml: \/Message\/MessageHeader\/\S+: ELEMENT_ORDER: /m);
});

test('unreadable, malformed and non-MeMo files are one line each with path / and the error code', async () => {
  const r = await run(['memo', 'validate', 'no-such-file.xml', 'malformed.xml', 'not-memo.xml', 'valid-letter.xml']);
  expect(r.exitCode).toBe(1);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe('no-such-file.xml: /: FILE_UNREADABLE: Cannot read no-such-file.xml: no such file.');
  expect(lines[1]).toMatch(/^malformed\.xml: \/: MEMO_XML_MALFORMED: /);
  expect(lines[2]).toMatch(/^not-memo\.xml: \/: MEMO_NOT_MEMO: /);
  expect(r.stderr).toBe('3 problems in 3 of 4 files.\n');
});

test('- reads standard input, named <stdin> in the output', async () => {
  const ok = await run(['memo', 'validate', '-'], { stdin: fixture('valid-letter.xml') });
  expect(ok.exitCode).toBe(0);
  expect(ok.stderr).toBe('The file is valid MeMo.\n');
  const bad = await run(['memo', 'validate', '-'], { stdin: fixture('invalid-letter.xml') });
  expect(bad.exitCode).toBe(1);
  expect(bad.stdout).toMatch(/^<stdin>: \/Message\/MessageHeader\/messageUUID: UUID_V4: /);
});

test('CPR numbers in problem messages are masked', async () => {
  const xml = fixture('valid-letter.xml').replace('<memo:recipientID>0101901234<', '<memo:recipientID>3102901234<');
  const r = await run(['memo', 'validate', '-'], { stdin: xml });
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toContain('CPR_INVALID');
  expect(r.stdout).toContain('310290-****');
  expect(r.stdout).not.toContain('3102901234');
});

test('--json prints a report per file', async () => {
  const r = await run(['memo', 'validate', '--json', 'valid-letter.xml', 'invalid-letter.xml']);
  expect(r.exitCode).toBe(1);
  const report = JSON.parse(r.stdout) as { file: string; valid: boolean; memoVersion: string | null; problems: { code: string }[] }[];
  expect(report.map((f) => [f.file, f.valid, f.memoVersion])).toEqual([
    ['valid-letter.xml', true, '1.2'],
    ['invalid-letter.xml', false, '1.2'],
  ]);
  expect(report[1]!.problems.map((p) => p.code)).toEqual(['UUID_V4', 'FILENAME_CHARACTERS', 'ACTION_URL_NOT_HTTPS']);
});

(xsdDir ? test : test.skip)('--xsd-dir adds the official XSDs: a v1 UUID fails them too', async () => {
  const ok = await run(['memo', 'validate', '--xsd-dir', xsdDir!, 'valid-letter.xml', 'default-namespace.xml']);
  expect(ok.stderr).toBe('All 2 files are valid MeMo.\n');
  expect(ok.exitCode).toBe(0);
  const bad = await run(['memo', 'validate', '--xsd-dir', xsdDir!, 'invalid-letter.xml']);
  expect(bad.exitCode).toBe(1);
  expect(bad.stdout).toMatch(/^invalid-letter\.xml: line \d+: XSD: .*messageUUID/m);
});

test('--xsd-dir with a folder without XSDs is a usage error', async () => {
  const r = await run(['memo', 'validate', '--xsd-dir', FIXTURES, 'valid-letter.xml']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain('CONFIG_INVALID');
});

test('validate needs at least one file', async () => {
  const r = await run(['memo', 'validate']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain("missing required argument 'file'");
});
