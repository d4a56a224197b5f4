import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { DigitalPostClient } from '@postbud/sdk';
import { startSandbox, type RunningSandbox } from '../src/index.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dataDir: null, deliveryDelayMs: 60_000, log: () => {} });
  const client = new DigitalPostClient({ baseUrl: sandbox.url, sender: { cvr: '29999902', label: 'Solbjerg Kommune' } });
  for (let i = 0; i < 3; i++) {
    await client.send({ title: `Brev ${i}`, recipient: { type: 'cpr', cpr: '0101901234' }, mainDocument: { files: [{ filename: 'brev.pdf', content: new TextEncoder().encode('%PDF-1.4 fiktiv') }] } });
  }
}, 60_000);

afterAll(() => sandbox.close());

const get = async (path: string) => {
  const res = await fetch(`${sandbox.url}${path}`);
  return { status: res.status, body: (await res.json()) as unknown };
};

test('the inspection lists take ?limit= (a soak of 10,000 letters needs more than the default 1,000)', async () => {
  expect(sandbox.store.countLetters()).toBe(3);
  expect((await get('/_sandbox/letters')).body).toHaveLength(3);
  expect((await get('/_sandbox/letters?limit=2')).body).toHaveLength(2);
  expect((await get('/_sandbox/events?limit=1')).body).toHaveLength(1);
});

test.each(['0', '-1', '2.5', 'many'])('limit=%s is refused with a 400 that says why', async (limit) => {
  const res = await get(`/_sandbox/letters?limit=${limit}`);
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ code: 'request.invalid', message: expect.stringContaining('limit must be a whole number') });
});
