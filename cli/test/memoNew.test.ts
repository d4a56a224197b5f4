import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateMemo } from '@postbud/sdk';
import { MemoXsdValidator } from '@postbud/sdk/node';
import { sharedReference } from '../../test-support/sharedReference.js';
import { createMinimalPdf } from '../src/demo/createMinimalPdf.js';
import { DEMO_AUTHORITY } from '../src/memo/demoAuthority.js';
import { run } from './testContext.js';

let dir = '';
const pdf = createMinimalPdf(['Afgørelse']);
const xsdDir = sharedReference('memo');
let xsd: MemoXsdValidator | null = null;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'postbud-cli-new-'));
  writeFileSync(path.join(dir, 'brev.pdf'), pdf);
  writeFileSync(path.join(dir, 'bilag.txt'), 'Bilag 1\n');
  if (xsdDir) xsd = await MemoXsdValidator.load(xsdDir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base64Pdf = Buffer.from(pdf).toString('base64');

test('memo new writes a valid reply-enabled letter to a CPR number with metadata and an attachment', async () => {
  const r = await run(
    [
      'memo', 'new', '--to', '010190-1234', '--title', 'Afgørelse om boligstøtte', '--pdf', 'brev.pdf', '--attach', 'bilag.txt',
      '--reply', '--contact-point', DEMO_AUTHORITY.contactPointId, '--reply-by', '2030-01-31',
      '--case-id', 'SAG-1', '--case-system', 'ESDH', '--kle', '32.18.08', '--kle-version', 'Maj 2018', '--kle-label', 'Boligstøtte',
    ],
    { cwd: dir },
  );
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  const xml = r.stdout;
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(xml).toContain('<memo:recipientID>0101901234</memo:recipientID>');
  expect(xml).toContain('<memo:reply>true</memo:reply>');
  expect(xml).toContain('<memo:replyByDateTime>2030-01-31T23:59:59Z</memo:replyByDateTime>');
  expect(xml).toContain(`<memo:contactPointID>${DEMO_AUTHORITY.contactPointId}</memo:contactPointID>`);
  expect(xml).toContain('<memo:caseID>SAG-1</memo:caseID>');
  expect(xml).toContain(`<memo:content>${base64Pdf}</memo:content>`);
  expect(xml).toContain('<memo:filename>bilag.txt</memo:filename>');
  expect(xml).toContain('<memo:encodingFormat>text/plain</memo:encodingFormat>');
  if (xsd) expect(await xsd.validate(xml, '1.2')).toEqual([]);
});

test('memo new to a company production unit, MeMo 1.1, written to a file with -o', async () => {
  const r = await run(
    ['memo', 'new', '--to', '13585628', '--p-number', '1012345678', '--recipient-name', 'Firma A/S', '--title', 'Kontrolbesøg', '--pdf', 'brev.pdf', '--memo-version', '1.1', '-o', 'out.xml'],
    { cwd: dir },
  );
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toBe('');
  const xml = readFileSync(path.join(dir, 'out.xml'), 'utf8');
  expect(xml).toContain('memoVersion="1.1"');
  expect(xml).toContain('memoSchVersion="1.1.0"');
  expect(xml).toMatch(/<memo:Recipient>.*<memo:AttentionData><grd:ProductionUnit><grd:productionUnitNumber>1012345678</s);
  if (xsd) expect(await xsd.validate(xml, '1.1')).toEqual([]);
});

test('a 3 MB attachment streams through intact, to standard output and to a file', async () => {
  const big = new Uint8Array(3 * 1024 * 1024 + 1);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
  writeFileSync(path.join(dir, 'stor.pdf'), big);
  const expected = `<memo:content>${Buffer.from(big).toString('base64')}</memo:content>`;
  const toStdout = await run(['memo', 'new', '--to', '0101901234', '--title', 'Stor', '--pdf', 'stor.pdf'], { cwd: dir });
  expect(toStdout.exitCode).toBe(0);
  expect(toStdout.stdout).toContain(expected);
  const toFile = await run(['memo', 'new', '--to', '0101901234', '--title', 'Stor', '--pdf', 'stor.pdf', '-o', 'stor.xml'], { cwd: dir });
  expect(toFile.exitCode).toBe(0);
  expect(readFileSync(path.join(dir, 'stor.xml'), 'utf8')).toContain(expected);
});

test('an output file that cannot be written exits 1 with the reason', async () => {
  const r = await run(['memo', 'new', '--to', '0101901234', '--title', 'T', '--pdf', 'brev.pdf', '-o', 'no/such/dir/out.xml'], { cwd: dir });
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toMatch(/^postbud: Cannot write no\/such\/dir\/out\.xml: .*ENOENT/);
});

test('memo new --nemsms builds an SMS without a body', async () => {
  const r = await run(['memo', 'new', '--to', '0101901234', '--title', 'Påmindelse', '--nemsms', '--notification', 'Husk din tid i morgen kl. 10.']);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain('<memo:messageType>NEMSMS</memo:messageType>');
  expect(r.stdout).not.toContain('MessageBody');
  if (xsd) expect(await xsd.validate(r.stdout, '1.2')).toEqual([]);
});

test('a bad CPR number exits 2 with the number masked and writes nothing', async () => {
  const r = await run(['memo', 'new', '--to', '3102901234', '--title', 'T', '--pdf', 'brev.pdf'], { cwd: dir });
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('CPR_INVALID');
  expect(r.stderr).toContain('310290-****');
  expect(r.stderr).not.toContain('3102901234');
});

test('a CVR number with a wrong check digit exits 2', async () => {
  const r = await run(['memo', 'new', '--to', '13585629', '--title', 'T', '--pdf', 'brev.pdf'], { cwd: dir });
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain('CVR_INVALID');
});

test('usage mistakes exit 2 in plain words', async () => {
  const missingTitle = await run(['memo', 'new', '--to', '0101901234', '--pdf', 'brev.pdf'], { cwd: dir });
  expect(missingTitle.exitCode).toBe(2);
  expect(missingTitle.stderr).toContain("required option '--title <text>' not specified");
  const replyWithoutContactPoint = await run(['memo', 'new', '--to', '0101901234', '--title', 'T', '--pdf', 'brev.pdf', '--reply'], { cwd: dir });
  expect(replyWithoutContactPoint.exitCode).toBe(2);
  expect(replyWithoutContactPoint.stderr).toContain('--reply needs --contact-point');
  const badVersion = await run(['memo', 'new', '--to', '0101901234', '--title', 'T', '--pdf', 'brev.pdf', '--memo-version', '2.0'], { cwd: dir });
  expect(badVersion.exitCode).toBe(2);
  expect(badVersion.stderr).toContain('Allowed choices are 1.1, 1.2');
});

test('a missing PDF exits 1 and says which file', async () => {
  const r = await run(['memo', 'new', '--to', '0101901234', '--title', 'T', '--pdf', 'nope.pdf'], { cwd: dir });
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('nope.pdf');
});

test('a letter that breaks a MeMo rule is refused with its problems, nothing written', async () => {
  const r = await run(['memo', 'new', '--to', '0101901234', '--title', 'x'.repeat(300), '--pdf', 'brev.pdf'], { cwd: dir });
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/\/Message\/MessageHeader\/label: MAX_LENGTH: /);
  expect(r.stderr).toContain('nothing was written');
});

test('memo new --help explains the defaults and shows examples', async () => {
  const r = await run(['memo', 'new', '--help']);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain(DEMO_AUTHORITY.label);
  expect(r.stdout).toContain('--reply-by <date>');
  expect(r.stdout).toContain('Examples:');
});

test('validateMemo agrees that the built letter is clean (in-model check of the same options)', async () => {
  // Guards the option mapping independently of the XSD files being present.
  const { letterInputFromOptions } = await import('../src/memo/letterInputFromOptions.js');
  const { createMemoMessage } = await import('@postbud/sdk');
  const message = createMemoMessage(letterInputFromOptions({ to: '0101901234', title: 'T', pdf: 'brev.pdf' }, () => pdf));
  expect(validateMemo(message)).toEqual([]);
});
