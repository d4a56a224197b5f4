import { expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { SqliteLedger } from '@postbud/gateway';
import { createTestContext } from '../../test/testContext.js';
import { registerConfigCommand } from './config.js';
import { registerReportCommand } from './report.js';
import { startGatewayForCli } from './gateway.js';

const DEV_CONFIG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../gateway/config/postbud.config.dev.yaml');

async function run(register: (p: Command, ctx: ReturnType<typeof createTestContext>['ctx']) => void, args: string[], cwd?: string) {
  const { ctx, result } = createTestContext(cwd ? { cwd } : {});
  const program = new Command('postbud').exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
  register(program, ctx);
  await program.parseAsync(args, { from: 'user' });
  return result();
}

test('config check: the shipped dev config is clean', async () => {
  const r = await run(registerConfigCommand, ['config', 'check', DEV_CONFIG, '--lang', 'en']);
  expect(r.stdout).toContain('no errors or warnings');
  expect(r.exitCode).toBe(0);
});

test('config check prints real-world mistakes in Danish and exits 1 on errors', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'postbud-cfg-'));
  const text = readFileSync(DEV_CONFIG, 'utf8')
    .replace('senderLabel: Solbjerg Kommune, Borgerservice', 'senderLabel: Brev fra Kommunen')
    .replace('plugin: http', 'plugin: fasit-plugin-that-does-not-exist')
    .replace(/  - id: f77b3f75-6913-441a-8501-00ba0bfaae6f\n    label: Byggesager\n/, '  - id: f77b3f75-6913-441a-8501-00ba0bfaae6f\n    label: Byggesager\n    visible: false\n');
  writeFileSync(path.join(dir, 'postbud.config.yaml'), text);
  const r = await run(registerConfigCommand, ['config', 'check'], dir);
  expect(r.stdout).toMatch(/ADVARSEL senderSystems\[0\]\.senderLabel: Afsendernavnet "Brev fra Kommunen" er for generelt/);
  expect(r.stdout).toMatch(/FEJL senderSystems\[1\]\.reply: "byggesag" tilbyder svar, men har intet aktivt og synligt kontaktpunkt/);
  expect(r.stdout).toMatch(/FEJL senderSystems\[1\]\.plugin: Ukendt plugin "fasit-plugin-that-does-not-exist"/);
  expect(r.stdout).toMatch(/2 fejl, 2 advarsler\. Gatewayen starter ikke/);
  expect(r.exitCode).toBe(1);
  const json = JSON.parse((await run(registerConfigCommand, ['config', 'check', '--json'], dir)).stdout) as { errors: number };
  expect(json.errors).toBe(2);
});

test('report prints the replyability table and CSV from a ledger', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'postbud-rep-'));
  const file = path.join(dir, 'ledger.sqlite');
  const ledger = SqliteLedger.open(file);
  const at = new Date(Date.now() - 3_600_000);
  for (const [i, reply] of [true, false].entries()) {
    const id = `0000000${i}-0000-4000-8000-000000000000`;
    await ledger.acceptLetter({ id, senderSystem: 'outlook', caseworker: 'cw', recipientMasked: 'cpr:010190-****', title: 'T', replyEnabled: reply, payload: '{}', acceptedAt: at.toISOString() },
      { at: at.toISOString(), actor: 'cw', action: 'letter.accepted', letterId: id, detail: {} });
    await ledger.claimOutbox({ owner: 'w', leaseMs: 1000, limit: 5, now: new Date() });
    await ledger.markSent(id, { owner: 'w', at });
  }
  await ledger.recordReply({ replyId: 'r', replyMessageUUID: 'm', inReplyTo: '00000000-0000-4000-8000-000000000000', title: 'Svar', memoXml: '<x/>', receivedAt: new Date(at.getTime() + 1_800_000).toISOString() });
  await ledger.close();
  const table = await run(registerReportCommand, ['report', '--ledger', file]);
  expect(table.stdout).toMatch(/outlook\s+2\s+1\s+50%\s+1\s+0\.5/);
  const csv = await run(registerReportCommand, ['report', '--ledger', file, '--format', 'csv']);
  const [header, row] = csv.stdout.split('\r\n');
  expect(header).toBe('senderSystem,lettersSent,replyEnabled,replyEnabledShare,repliesReceived,medianHoursToReply,replyTurnedOff,replyOffReasons,physical');
  // One letter without reply, but no caseworker turned it off (no reason recorded); none went as physical post.
  expect(row).toBe('outlook,2,1,0.5,1,0.5,0,,0');
});

test('gateway --with-sandbox runs both on the dev config and prints the URLs; the sandbox IdP token works', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'postbud-gw-'));
  const config = path.join(dir, 'postbud.config.yaml');
  writeFileSync(config, readFileSync(DEV_CONFIG, 'utf8').replace('file: ../../.postbud/ledger.sqlite', 'file: ledger.sqlite'));
  const { ctx, result } = createTestContext({ cwd: dir });
  const running = await startGatewayForCli({ config, port: '0', withSandbox: true, sandboxPort: '0' }, ctx);
  try {
    expect(result().stdout).toMatch(/Gateway API: +http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(result().stdout).toMatch(/Sandbox \(Digital Post\): +http:\/\/127\.0\.0\.1:\d+/);
    const sandboxUrl = running.sandbox?.url as string;
    const tokenRes = await fetch(`${sandboxUrl}/idp/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', username: 'mads.mogensen@solbjerg.example' }) });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const me = (await (await fetch(`${running.gateway.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { senderSystems: { id: string }[] };
    expect(me.senderSystems.map((s) => s.id)).toEqual(['byggesag']);
  } finally {
    await running.close();
  }
});
