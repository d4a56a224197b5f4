import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Command } from 'commander';
import { createTestContext } from '../../test/testContext.js';
import { registerLookupCommand } from './lookup.js';

let server: Server;
let baseUrl: string;
const urls: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    urls.push(req.url ?? '');
    const json = (value: unknown): void => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    if (req.url?.includes('/wstrust/')) return json({ RequestedSecurityToken: { Assertion: Buffer.from('<a/>').toString('base64') } });
    if (req.url?.includes('/AccessTokenService_1/')) return json({ access_token: 't', token_type: 'Holder-of-key', expires_in: 3600 });
    if (req.url?.includes('/PostForespoerg_1/digitalpost')) return json({ result: true });
    if (req.url?.includes('/PostForespoerg_1/nemsms')) return json({ result: false });
    if (req.url?.startsWith('/apis/v1/contacts/')) return json({ contacts: [{ mailboxSubscription: { registrationStatus: 'EXEMPT_LEFT_THE_COUNTRY', publicRegistrationStatus: 'EXEMPT' } }] });
    void res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function lookup(args: readonly string[]): Promise<{ stdout: string; error: unknown }> {
  const { ctx, result } = createTestContext();
  const program = new Command('postbud').exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
  registerLookupCommand(program, ctx);
  let error: unknown;
  try {
    await program.parseAsync(['lookup', '--base-url', baseUrl, ...args], { from: 'user' });
  } catch (e) {
    error = e;
  }
  return { stdout: result().stdout, error };
}

test('prints whether a citizen can receive Digital Post and NemSMS, CPR masked', async () => {
  const r = await lookup(['0101901234']);
  expect(r.error).toBeUndefined();
  expect(r.stdout).toContain('CPR 010190-****');
  expect(r.stdout).toContain('Digital Post: yes');
  expect(r.stdout).toContain('NemSMS:       no');
  expect(r.stdout).not.toContain('0101901234');
  expect(urls).toContain('/service/PostForespoerg_1/digitalpost?cprNumber=0101901234');
});

test('--service ngdp --json tells why not (exempt)', async () => {
  const r = await lookup(['13585628', '--p-number', '1234567890', '--service', 'ngdp', '--json']);
  expect(r.error).toBeUndefined();
  expect(JSON.parse(r.stdout)).toMatchObject({ digitalPost: false, reason: 'exempt', recipient: { type: 'cvr', cvr: '13585628', pNumber: '1234567890' }, service: 'ngdp' });
});

test('an invalid id is a typed error; --cert without --key is a usage error', async () => {
  expect((await lookup(['13585629'])).error).toMatchObject({ code: 'CVR_INVALID' });
  expect(((await lookup(['13585628', '--cert', 'c.pem'])).error as Error).message).toContain('--cert and --key');
});
