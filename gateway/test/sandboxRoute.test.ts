/**
 * The gateway against the real sandbox (SF1601 + NgDP wire protocols on loopback): lookups
 * with names from the sandbox register, physical post for an exempt citizen ending in the
 * sandbox's print tray, and a citizen's reply fetched once, stored, correlated and handed to
 * the plugin once.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import path from 'node:path';
import { pino } from 'pino';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox } from '@postbud/sandbox';
import type { LetterContext, LetterReplyEvent, SenderSystemPlugin } from '@postbud/sdk';
import { startGateway } from '../src/startGateway.js';
import type { RunningGateway } from '../src/startGateway.js';
import { apiDocumentToLetter } from '../src/plugins/builtinPlugins.js';
import type { ApiLetterDocument } from '../src/plugins/ApiLetterDocument.js';
import { aPdfBase64, tempDir } from './fixtures.js';

const SARA = 'sara.sagsbehandler@solbjerg.example';
const SARAS_GROUP = '0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31';
const BORGERSERVICE = '32b4dc44-0652-4f7c-93b8-d00a533a30f7';
const ANNA = '0101901234';
const CARL_EXEMPT = '2307703456';
let sandbox: RunningSandbox;
let gw: RunningGateway;
let token: string;
let pdf: string;
const replies: LetterReplyEvent[] = [];
const sandboxLog: string[] = [];

const outlook: SenderSystemPlugin = {
  id: 'outlook', label: 'Outlook (test instance)', capabilities: { reply: true, caseIds: true },
  toLetter: (doc: unknown, ctx: LetterContext) => apiDocumentToLetter(doc as ApiLetterDocument, ctx),
  onReply: (e) => {
    replies.push(e);
  },
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dataDir: null, deliveryDelayMs: 0, log: (line) => sandboxLog.push(line) });
  const dir = tempDir();
  gw = await startGateway({
    config: {
      authority: { cvr: '29999902', name: 'Solbjerg Kommune' },
      route: { kind: 'sandbox', url: sandbox.url },
      contactPoints: [{ id: BORGERSERVICE, label: 'Borgerservice' }],
      senderSystems: [
        { id: 'outlook', plugin: 'outlook', senderLabel: 'Solbjerg Kommune, Borgerservice', contactPoints: [BORGERSERVICE], reply: { policy: 'caseworker-choice', default: true }, channel: 'auto', groups: [SARAS_GROUP] },
        { id: 'digital', plugin: 'http', senderLabel: 'Solbjerg Kommune, Opkrævning', channel: 'digital-only', groups: [SARAS_GROUP] },
      ],
      auth: { issuer: `${sandbox.url}/idp`, audience: 'api://postbud-gateway', requiredScope: 'Letters.Send' },
    },
    baseDir: dir, ledgerFile: path.join(dir, 'ledger.sqlite'), port: 0, plugins: { outlook }, logger: pino({ level: 'silent' }), workers: { enabled: false },
  });
  token = await sandbox.issueCaseworkerToken(SARA);
  pdf = await aPdfBase64('Afgørelse');
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sandbox?.close();
});

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(`${gw.url}${url}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

async function sandboxLetters(query: string): Promise<{ id: string; messageUuid: string; channel: string; hasPrintPdf: boolean }[]> {
  return (await (await fetch(`${sandbox.url}/_sandbox/letters?${query}`)).json()) as { id: string; messageUuid: string; channel: string; hasPrintPdf: boolean }[];
}

test('lookup through the sandbox: registration from the route, names and addresses from the sandbox register', async () => {
  expect((await call('POST', '/v1/lookup', { cpr: ANNA })).json).toMatchObject({ reachability: 'digital', digitalPost: true, name: 'Anna Jensen' });
  expect((await call('POST', '/v1/lookup', { cpr: '230770-3456' })).json).toStrictEqual({ reachability: 'physical', digitalPost: false, nemSms: true, reason: 'exempt', name: 'Carl Hansen' });
  expect((await call('POST', '/v1/lookup', { cvr: '13748136', pNumber: '1000000029' })).json).toMatchObject({ reachability: 'digital', name: 'Bageriet Solsikke ApS', productionUnitName: 'Bageriet Solsikke, Havnen' });
});

test('an exempt citizen gets the letter as physical post: it ends in the sandbox print tray, and the ledger says physical', async () => {
  const res = await call('POST', '/v1/letters', { senderSystem: 'outlook', recipient: { type: 'cpr', cpr: CARL_EXEMPT }, title: 'Afgørelse om hjemmehjælp', files: [{ filename: 'afgoerelse.pdf', contentType: 'application/pdf', base64: pdf }] });
  expect([res.status, res.json.reachability]).toEqual([202, 'physical']);
  await gw.tick();
  const letter = (await call('GET', `/v1/letters/${res.json.id}`)).json.letter;
  expect(letter.channel).toBe('physical');
  expect(['sent', 'delivered']).toContain(letter.state); // the sandbox delivers at once; its status event may already be in
  const tray = await sandboxLetters('channel=physical');
  expect(tray.find((l) => l.messageUuid.toLowerCase() === res.json.id)).toMatchObject({ channel: 'physical', hasPrintPdf: true });
  const refused = await call('POST', '/v1/letters', { senderSystem: 'digital', recipient: { type: 'cpr', cpr: CARL_EXEMPT }, title: 'Opkrævning', files: [{ filename: 'o.pdf', base64: pdf }] });
  expect([refused.status, refused.json.error.code]).toEqual([422, 'RECIPIENT_NOT_DIGITAL']);
}, 30_000);

test('a reply made in the sandbox is fetched once, stored, correlated to its letter and handed to the plugin once', async () => {
  const sent = await call('POST', '/v1/letters', { senderSystem: 'outlook', recipient: { type: 'cpr', cpr: ANNA }, title: 'Spørgsmål om pladsanvisning', caseId: 'SAG-9', body: { html: '<p>Kære Anna,</p><p>Svar gerne på dette brev.</p>' }, files: [] });
  expect(sent.status).toBe(202);
  await gw.tick();
  const [inSandbox] = await sandboxLetters(`messageUuid=${sent.json.id}`);
  expect(inSandbox?.channel).toBe('digital');
  const made = await fetch(`${sandbox.url}/_sandbox/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ letterId: inSandbox?.id, text: 'Tak, jeg kommer torsdag.' }) });
  expect(made.status).toBe(201);
  await gw.tick(); // fetch + store + acknowledge + deliver to the plugin
  await gw.tick(); // nothing new: the route no longer has it
  const listed = (await call('GET', '/v1/replies')).json.replies as { letterId?: string; correlatedBy?: string; caseId?: string }[];
  expect(listed).toEqual([expect.objectContaining({ letterId: sent.json.id, correlatedBy: 'messageUUID', caseId: 'SAG-9' })]);
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatchObject({ letterId: sent.json.id, caseId: 'SAG-9', contactPointId: BORGERSERVICE });
  expect(replies[0]?.memoXml).toContain(Buffer.from('Tak, jeg kommer torsdag.').toString('base64'));
  const inbound = (await (await fetch(`${sandbox.url}/_sandbox/inbound`)).json()) as { id: string; deleted?: boolean }[];
  expect(inbound.every((r) => r.deleted === true)).toBe(true);
  // The reply's XML was downloaded once (parsed from the same bytes that are filed).
  const downloads = sandboxLog.filter((l) => l.startsWith(`GET /apis/v1/memos/${inbound[0]?.id} `));
  expect(downloads).toHaveLength(1);
}, 30_000);
