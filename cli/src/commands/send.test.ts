import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Command } from 'commander';
import { createTestContext } from '../../test/testContext.js';
import { registerSendCommand } from './send.js';

/** A loopback stand-in for the SF1601 and NgDP endpoints `postbud send` uses. */
const seen: { url: string; body: string }[] = [];
let server: Server;
let baseUrl: string;
let dir: string;

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const text = await body(req);
    seen.push({ url: req.url ?? '', body: text });
    const json = (status: number, value: unknown): void => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    if (req.url?.includes('/wstrust/')) return json(200, { RequestedSecurityToken: { Assertion: Buffer.from('<a/>').toString('base64') } });
    if (req.url?.includes('/AccessTokenService_1/')) return json(200, { access_token: 't', token_type: 'Holder-of-key', expires_in: 3600 });
    if (req.url?.includes('/kombi')) return void res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<kombi_response><Result>true</Result><TransmissionID>tx-42</TransmissionID></kombi_response>');
    if (req.url?.startsWith('/apis/v1/memos/')) return json(201, { transmissionId: 'ngdp-42', receiptStatus: 'RECEIVED' });
    return json(404, { code: 'NOT_FOUND' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'postbud-send-'));
  writeFileSync(path.join(dir, 'brev.pdf'), '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  writeFileSync(path.join(dir, 'bilag.txt'), 'Bilag');
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function send(args: readonly string[]): Promise<{ stdout: string; error: unknown }> {
  const { ctx, result } = createTestContext({ cwd: dir });
  const program = new Command('postbud').exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
  registerSendCommand(program, ctx);
  let error: unknown;
  try {
    await program.parseAsync(['send', '--base-url', baseUrl, ...args], { from: 'user' });
  } catch (e) {
    error = e;
  }
  return { stdout: result().stdout, error };
}

test('sends a reply-enabled letter to a P-unit over SF1601 and prints the receipt', async () => {
  seen.length = 0;
  const r = await send(['--to', '13585628', '--p-number', '1234567890', '--title', 'Kontrolbesøg', '--pdf', 'brev.pdf', '--attach', 'bilag.txt', '--reply', '--contact-point', '8f14e45f-ceea-4e7a-9d4b-2c1a7b3e5f60', '--reply-by', '2030-12-31', '--case-id', 'SAG-1', '--case-system', 'SBSYS']);
  expect(r.error).toBeUndefined();
  expect(r.stdout).toMatch(/^Sent [0-9a-f-]{36} via sf1601 \(digital\)/);
  expect(r.stdout).toContain('transmission id: tx-42');
  const kombi = seen.find((s) => s.url.endsWith('/kombi'))?.body ?? '';
  expect(kombi).toContain('<KombiValgKode>Digital Post</KombiValgKode>');
  expect(kombi).toContain('<grd:productionUnitNumber>1234567890</grd:productionUnitNumber>');
  expect(kombi).toContain('<memo:reply>true</memo:reply>');
});

test('--channel auto with a print address sends Automatisk Valg; --json prints the result with CPR masked', async () => {
  seen.length = 0;
  const r = await send(['--to', '0101901234', '--title', 'Afgørelse', '--pdf', 'brev.pdf', '--channel', 'auto', '--print-name', 'Fiktiv Person', '--print-address', 'Testvej 1', '8000 Aarhus C', '--json']);
  expect(r.error).toBeUndefined();
  const json = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(json).toMatchObject({ channel: 'auto', service: 'sf1601', transmissionId: 'tx-42' });
  expect(r.stdout).not.toContain('0101901234');
  expect(seen.find((s) => s.url.endsWith('/kombi'))?.body).toContain('<KombiValgKode>Automatisk Valg</KombiValgKode>');
});

test('NgDP service and NemSMS channel', async () => {
  seen.length = 0;
  const r = await send(['--service', 'ngdp', '--to', '0101901234', '--title', 'Påmindelse', '--nemsms', '--notification', 'Husk tiden i morgen']);
  expect(r.error).toBeUndefined();
  expect(r.stdout).toContain('via ngdp (nemsms)');
  expect(seen[0]?.url).toMatch(/^\/apis\/v1\/memos\/\?memo-message-uuid=/);
});

test('usage mistakes and bad letters fail before anything is sent', async () => {
  seen.length = 0;
  const noAddress = await send(['--to', '0101901234', '--title', 'x', '--pdf', 'brev.pdf', '--channel', 'physical']);
  expect((noAddress.error as Error).message).toContain('--print-name');
  const badCpr = await send(['--to', '3102901234', '--title', 'x', '--pdf', 'brev.pdf']);
  expect(badCpr.error).toMatchObject({ code: 'CPR_INVALID' });
  const notPdf = await send(['--to', '0101901234', '--title', 'x', '--pdf', 'bilag.txt', '--channel', 'physical', '--print-name', 'X', '--print-address', 'Y']);
  expect(notPdf.error).toMatchObject({ code: 'PHYSICAL_LETTER_INVALID' });
  expect(seen).toHaveLength(0);
});
