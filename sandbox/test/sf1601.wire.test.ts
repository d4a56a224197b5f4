/**
 * SF1601 over real HTTP on loopback, driven with raw fetch (the wire contract, no SDK client):
 * STS → access token → PostForespoerg and KombiPostAfsend on every channel, duplicates,
 * invalid MeMo, Beskedfordeler pull.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { accessToken, ENTITY, forsendelseXml, kombiRequest, letterXml, serviceHeaders, SOLBJERG_CVR, stsRequest } from './support/wire.js';

let sb: RunningSandbox;
let kombiToken: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, deliveryDelayMs: 60_000 });
  kombiToken = await accessToken(sb.url, ENTITY.kombi);
});
afterAll(async () => {
  await sb.close();
});

async function kombi(body: string, token = kombiToken): Promise<{ status: number; text: string }> {
  const res = await fetch(`${sb.url}/service/KombiPostAfsend_1/kombi`, { method: 'POST', headers: serviceHeaders(token, { 'content-type': 'application/xml' }), body });
  return { status: res.status, text: await res.text() };
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

test('STS refuses a missing or garbage UseKey and an unknown entity id', async () => {
  const post = (body: unknown) => fetch(`${sb.url}/runtime/api/rest/wstrust/v1/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const noKey = { ...stsRequest(ENTITY.kombi), UseKey: undefined };
  expect((await post(noKey)).status).toBe(400);
  expect((await post({ ...stsRequest(ENTITY.kombi), UseKey: 'bm90IGEgY2VydA==' })).status).toBe(400);
  expect((await post(stsRequest('http://entityid.kombit.dk/service/nonsense/1'))).status).toBe(400);
  expect((await post(stsRequest(ENTITY.kombi, '12345678'))).status).toBe(400);
  const bad = await fetch(`${sb.url}/runtime/api/rest/wstrust/v1/issue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
  expect(bad.status).toBe(400);
  const ok = await post(stsRequest(ENTITY.kombi));
  const json = (await ok.json()) as { Lifetime: string; RequestedSecurityToken: { Assertion: string } };
  expect(json.Lifetime).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  expect(Buffer.from(json.RequestedSecurityToken.Assertion, 'base64').toString()).toContain('NotOnOrAfter=');
});

test('service calls need a Holder-of-key token for the right entity id and the transaction headers', async () => {
  const lookupToken = await accessToken(sb.url, ENTITY.lookup);
  const url = `${sb.url}/service/PostForespoerg_1/digitalpost?cprNumber=0101901234`;
  expect((await fetch(url)).status).toBe(401);
  expect((await fetch(url, { headers: serviceHeaders(kombiToken) })).status).toBe(401);
  expect((await fetch(url, { headers: { authorization: `Holder-of-key ${lookupToken}` } })).status).toBe(400);
  const res = await fetch(url, { headers: serviceHeaders(lookupToken) });
  expect(await res.json()).toEqual({ result: true });
});

test('PostForespoerg answers true only for registered recipients (and NemSMS subscribers)', async () => {
  const t = await accessToken(sb.url, ENTITY.lookup);
  const ask = async (service: string, q: string) => ((await (await fetch(`${sb.url}/service/PostForespoerg_1/${service}?${q}`, { headers: serviceHeaders(t) })).json()) as { result: boolean }).result;
  expect(await ask('digitalpost', 'cprNumber=0101901234')).toBe(true);
  expect(await ask('digitalpost', 'cprNumber=2307703456')).toBe(false); // exempt
  expect(await ask('digitalpost', 'cprNumber=1702451238')).toBe(false); // closed
  expect(await ask('digitalpost', 'cprNumber=3112991234')).toBe(false); // unknown
  expect(await ask('digitalpost', 'cvrNumber=13748136')).toBe(true);
  expect(await ask('digitalpost', 'cvrNumber=24256790')).toBe(false); // exempt company
  expect(await ask('nemsms', 'cprNumber=2307703456')).toBe(true); // exempt, but NemSMS-subscribed
  expect(await ask('nemsms', 'cprNumber=1204852345')).toBe(false);
  const bad = await fetch(`${sb.url}/service/PostForespoerg_1/digitalpost?cprNumber=010190-1234`, { headers: serviceHeaders(t) });
  expect(bad.status).toBe(400);
});

test('Digital Post is accepted with a TransmissionID, then delivered asynchronously with PKO_PostStatus', async () => {
  const { xml, uuid } = letterXml();
  const res = await kombi(kombiRequest('Digital Post', xml));
  expect(res.status).toBe(200);
  expect(tag(res.text, 'Result')).toBe('true');
  const transmissionId = tag(res.text, 'TransmissionID')!;
  expect(transmissionId).toMatch(/^[0-9a-f-]{36}$/);
  const letter = sb.store.letter(transmissionId)!;
  expect(letter.status).toBe('accepted');
  expect(letter.messageUuid).toBe(uuid);
  await sb.deliverNow();
  expect(sb.store.letter(transmissionId)!.status).toBe('delivered');
  const statuses = sb.store.events({ letterId: transmissionId }).map((e) => e.statusCode);
  expect(statuses).toEqual(['Modtaget', 'Afleveret Digital Post']);
});

test('a repeated messageUUID gets the original TransmissionID (idempotent)', async () => {
  const { xml } = letterXml();
  const first = await kombi(kombiRequest('Digital Post', xml));
  const second = await kombi(kombiRequest('Digital Post', xml));
  expect(second.status).toBe(200);
  expect(tag(second.text, 'TransmissionID')).toBe(tag(first.text, 'TransmissionID'));
  expect(sb.store.letters({ messageUuid: tag(first.text, 'TransmissionID') ?? '' })).toHaveLength(0);
});

test('an invalid MeMo is refused at once with memo.invalid and a failed status event says the same', async () => {
  const { xml, uuid } = letterXml();
  const broken = xml.replace(/<memo:label>[^<]*<\/memo:label>/, ''); // label is required
  const res = await kombi(kombiRequest('Digital Post', broken));
  expect(tag(res.text, 'Result')).toBe('false');
  expect(tag(res.text, 'FejlKode')).toBe('memo.invalid');
  expect(tag(res.text, 'FejlTekst')).toMatch(/label/);
  const events = sb.store.events({ messageUuid: uuid });
  expect(events.map((e) => e.statusCode)).toEqual(['Fejlet']);
  const payload = Buffer.from(/<Base64[^>]*>([^<]+)</.exec(events[0]!.xml!)![1]!, 'base64').toString();
  expect(payload).toContain('<FejlKode>memo.invalid</FejlKode>');
});

test('NemSMS, Fysisk Post and Automatisk Valg each take their parts', async () => {
  const sms = letterXml({ messageType: 'NEMSMS', notification: 'Husk tandlægen i morgen kl. 9', mainDocument: undefined, reply: undefined, recipient: { type: 'cpr', cpr: '2307703456' } });
  const smsRes = await kombi(kombiRequest('NemSMS', sms.xml));
  expect(tag(smsRes.text, 'Result')).toBe('true');
  const print = await kombi(kombiRequest('Fysisk Post', null, forsendelseXml()));
  expect(tag(print.text, 'Result')).toBe('true');
  // Automatisk Valg to an exempt citizen with both parts → printed.
  const auto = letterXml({ recipient: { type: 'cpr', cpr: '2307703456' } });
  const autoRes = await kombi(kombiRequest('Automatisk Valg', auto.xml, forsendelseXml('2307703456')));
  const autoId = tag(autoRes.text, 'TransmissionID')!;
  expect(sb.store.letter(autoId)!.channel).toBe('physical');
  await sb.deliverNow();
  expect(sb.store.letter(tag(smsRes.text, 'TransmissionID')!)!.status).toBe('delivered');
  expect(sb.store.letter(tag(print.text, 'TransmissionID')!)!.status).toBe('printed');
  expect(sb.store.events({ letterId: autoId }).map((e) => e.statusCode)).toContain('Afleveret Fysisk Post');
  // Wrong parts for the code.
  expect((await kombi(kombiRequest('Fysisk Post', auto.xml))).status).toBe(400);
  expect((await kombi(kombiRequest('Brevdue', auto.xml))).status).toBe(400);
});

test('Digital Post to an exempt citizen is accepted, then fails with recipient.exempt', async () => {
  const { xml } = letterXml({ recipient: { type: 'cpr', cpr: '2307703456' } });
  const id = tag((await kombi(kombiRequest('Digital Post', xml))).text, 'TransmissionID')!;
  await sb.deliverNow();
  const letter = sb.store.letter(id)!;
  expect(letter.status).toBe('failed');
  expect(letter.failCode).toBe('recipient.exempt');
});

test('malformed bodies get a clear 400 and the sandbox keeps serving', async () => {
  for (const body of ['<kombi_request><KombiValgKode>Digital Post', '<!DOCTYPE x [<!ENTITY a "b">]><kombi_request/>', 'not xml at all', '<other/>']) {
    const res = await kombi(body);
    expect(res.status).toBe(400);
    expect(tag(res.text, 'Result')).toBe('false');
  }
  const res = await fetch(`${sb.url}/service/KombiPostAfsend_1/kombi`, { method: 'POST', headers: serviceHeaders(kombiToken, { 'content-type': 'application/xml' }), body: Buffer.from([0xff, 0xfe, 0x00]) });
  expect(res.status).toBe(400);
  expect((await fetch(`${sb.url}/_sandbox/status`)).status).toBe(200);
});

test('Beskedfordeler pull lists status messages for the authority and acknowledges them', async () => {
  const t = await accessToken(sb.url, ENTITY.bfo);
  const list = await fetch(`${sb.url}/beskedfordeler/v1/messages?max=500`, { headers: serviceHeaders(t) });
  const { messages } = (await list.json()) as { messages: { id: string; xml: string }[] };
  expect(messages.length).toBeGreaterThan(3);
  expect(messages[0]!.xml).toContain(`urn:oio:cvr:${SOLBJERG_CVR}`);
  const del = await fetch(`${sb.url}/beskedfordeler/v1/messages/${messages[0]!.id}`, { method: 'DELETE', headers: serviceHeaders(t) });
  expect(del.status).toBe(204);
  const again = (await (await fetch(`${sb.url}/beskedfordeler/v1/messages?max=500`, { headers: serviceHeaders(t) })).json()) as { messages: unknown[] };
  expect(again.messages).toHaveLength(messages.length - 1);
  expect((await fetch(`${sb.url}/beskedfordeler/v1/messages`, { headers: serviceHeaders(kombiToken) })).status).toBe(401);
});
