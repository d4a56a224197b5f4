/**
 * The sandbox stores a received MeMo from the request's own bytes (no second encoding): what it
 * stores must be exactly the MeMo text, whatever the body holds before it (a BOM, Danish letters,
 * characters of 3 and 4 bytes) and whether the Message is a verbatim cut or gets namespaces added.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { accessToken, ENTITY, kombiRequest, letterXml, NGDP_AUTH, serviceHeaders } from './support/wire.js';

let sb: RunningSandbox;
let kombiToken: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, dataDir: null, deliveryDelayMs: 60_000, log: () => {} });
  kombiToken = await accessToken(sb.url, ENTITY.kombi);
});
afterAll(() => sb.close());

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const TITLE = 'Afgørelse om tilskud – 5 € pr. måned 𝄞';

function storedMemo(uuid: string): string | null {
  return sb.store.letters({ messageUuid: uuid })[0]?.memoXml ?? null;
}

test('SF1601: a MeMo after a BOM and Danish text in the envelope is stored as exactly the MeMo', async () => {
  const { xml, uuid } = letterXml({ title: TITLE });
  const memo = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const body = kombiRequest('Digital Post', xml).replace('<kombi_request>', '<kombi_request><!-- Brev til Ærø: æøå ÆØÅ € 𝄞 -->');
  const res = await fetch(`${sb.url}/service/KombiPostAfsend_1/kombi`, {
    method: 'POST', headers: serviceHeaders(kombiToken, { 'content-type': 'application/xml' }), body: Buffer.concat([BOM, Buffer.from(body, 'utf8')]),
  });
  expect(await res.text()).toContain('<Result>true</Result>');
  expect(storedMemo(uuid)).toBe(memo);
});

test('SF1601: a Message that inherits the memo prefix from kombi_request is stored with the declaration added', async () => {
  const { xml, uuid } = letterXml({ title: TITLE });
  const memo = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const ns = /xmlns:memo="([^"]+)"/.exec(memo)![1]!;
  const inheriting = memo.replace(` xmlns:memo="${ns}"`, '');
  const body = kombiRequest('Digital Post', inheriting).replace('<kombi_request>', `<kombi_request xmlns:memo="${ns}">`);
  const res = await fetch(`${sb.url}/service/KombiPostAfsend_1/kombi`, { method: 'POST', headers: serviceHeaders(kombiToken, { 'content-type': 'application/xml' }), body });
  expect(await res.text()).toContain('<Result>true</Result>');
  const stored = storedMemo(uuid);
  expect(stored).toContain(`xmlns:memo="${ns}"`);
  expect(stored?.replace(` xmlns:memo="${ns}"`, '')).toBe(inheriting);
});

test('NgDP: a MeMo body with a BOM is stored without it, characters intact', async () => {
  const { xml, uuid } = letterXml({ title: TITLE });
  const res = await fetch(`${sb.url}/apis/v1/memos/?memo-message-uuid=${uuid}`, {
    method: 'POST', headers: { authorization: NGDP_AUTH, accept: 'application/json', 'content-type': 'application/xml' }, body: Buffer.concat([BOM, Buffer.from(xml, 'utf8')]),
  });
  expect(res.status).toBe(201);
  expect(storedMemo(uuid)).toBe(xml);
});
