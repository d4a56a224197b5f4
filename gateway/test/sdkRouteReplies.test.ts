import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox } from '@postbud/sandbox';
import { DigitalPostClient } from '@postbud/sdk';
import { parseConfig } from '../src/config/parseConfig.js';
import { SdkRoute } from '../src/route/SdkRoute.js';
import { aPdfBase64 } from './fixtures.js';

const CONTACT_POINT = '32b4dc44-0652-4f7c-93b8-d00a533a30f7';
let sandbox: RunningSandbox;
const replyIds: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dataDir: null, deliveryDelayMs: 0, log: () => {} });
  const client = new DigitalPostClient({ baseUrl: sandbox.url, sender: { cvr: '29999902', label: 'Solbjerg Kommune' } });
  const content = Buffer.from(await aPdfBase64('Afgørelse'), 'base64');
  for (let i = 0; i < 3; i++) {
    const sent = await client.send({ title: `Brev ${i}`, recipient: { type: 'cpr', cpr: '0101901234' }, reply: { enabled: true, contactPoint: { id: CONTACT_POINT } }, mainDocument: { files: [{ filename: 'brev.pdf', content }] } });
    const letterId = sandbox.store.letters({ messageUuid: sent.messageUUID })[0]?.id;
    const made = await fetch(`${sandbox.url}/_sandbox/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ letterId, text: `Svar ${i}` }) });
    replyIds.push(((await made.json()) as { id: string }).id.toLowerCase());
  }
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

function route(): SdkRoute {
  const { config } = parseConfig({
    authority: { cvr: '29999902', name: 'Solbjerg Kommune' },
    route: { kind: 'sandbox', url: sandbox.url },
    contactPoints: [{ id: CONTACT_POINT, label: 'Borgerservice' }],
    senderSystems: [{ id: 'outlook', plugin: 'outlook', senderLabel: 'Solbjerg Kommune', contactPoints: [CONTACT_POINT], reply: { policy: 'caseworker-choice', default: true }, groups: ['g'] }],
    auth: { issuer: `${sandbox.url}/idp`, audience: 'api://postbud-gateway', requiredScope: 'Letters.Send' },
  });
  return new SdkRoute(config, { retry: { maxRetries: 1, initialDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 10 } });
}

async function queueFault(pathPrefix: string, times: number): Promise<void> {
  const res = await fetch(`${sandbox.url}/_sandbox/faults/next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: '500', times, pathPrefix }) });
  expect(res.ok).toBe(true);
}

test('a reply that cannot be fetched is left at the route; the rest of the page is returned', async () => {
  const [broken, ...others] = replyIds as [string, ...string[]];
  await queueFault(`/apis/v1/memos/${broken}`, 2); // both attempts of that one fetch fail
  const page = await route().fetchReplies(20);
  expect(page.map((r) => r.id.toLowerCase()).sort()).toEqual([...others].sort());
  // Not acknowledged, so still at the route: the next round gets it.
  const again = await route().fetchReplies(20);
  expect(again.map((r) => r.id.toLowerCase()).sort()).toEqual([...replyIds].sort());
});

test('when every fetch of a page fails, that is an error (a broken route is not an empty one)', async () => {
  for (const id of replyIds) await queueFault(`/apis/v1/memos/${id}`, 2);
  await expect(route().fetchReplies(20)).rejects.toThrow(/HTTP 500/);
});
