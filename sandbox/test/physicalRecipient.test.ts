/**
 * Physical-only letters (KombiValgKode `Fysisk Post`, ForsendelseI without MeMo). For citizens
 * the ForsendelseI carries CPR 0000000000, so the sandbox, like fjernprint, knows the recipient
 * only by the printed name and address: recipientId stays null (no guessing a person), the name
 * and address show in the print tray, and a letter that names nobody is refused.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startSandbox, type RunningSandbox } from '../src/index.js';
import { accessToken, ENTITY, forsendelseXml, kombiRequest, serviceHeaders } from './support/wire.js';

let sb: RunningSandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, deliveryDelayMs: 60_000, log: () => undefined });
  token = await accessToken(sb.url, ENTITY.kombi);
});
afterAll(async () => {
  await sb.close();
});

async function printOnly(forsendelse: string): Promise<{ status: number; text: string; id: string | undefined }> {
  const res = await fetch(`${sb.url}/service/KombiPostAfsend_1/kombi`, { method: 'POST', headers: serviceHeaders(token, { 'content-type': 'application/xml' }), body: kombiRequest('Fysisk Post', null, forsendelse) });
  const text = await res.text();
  return { status: res.status, text, id: /<TransmissionID>([^<]*)</.exec(text)?.[1] };
}

const withoutAddress = (xml: string) => xml.replace(/<fjernprint:ModtagerAdresse>.*<\/fjernprint:ModtagerAdresse>/, '');

test('a citizen letter with CPR 0000000000 keeps recipientId null; the printed name is its label and the tray shows name and address', async () => {
  const sent = await printOnly(forsendelseXml('0000000000'));
  expect(sent.text).toContain('<Result>true</Result>');
  const letter = sb.store.letter(sent.id!)!;
  expect(letter).toMatchObject({ channel: 'physical', recipientId: null, recipientLabel: 'Carl Hansen', title: 'Fysisk brev om hjemmehjælp' });
  // Not guessed from name + address: the letter is not listed for Carl's CPR.
  const forCarl = (await (await fetch(`${sb.url}/_sandbox/letters?recipient=2307703456`)).json()) as { id: string }[];
  expect(forCarl.map((l) => l.id)).not.toContain(sent.id);
  const tray = await (await fetch(`${sb.url}/postkasse/fjernprint`)).text();
  expect(tray).toContain('Carl Hansen');
  expect(tray).toContain('Møllevej 8, 8001 Solbjerg Nord');
  await sb.deliverNow();
  expect(sb.store.letter(sent.id!)!.status).toBe('printed');
  expect(sb.store.events({ letterId: sent.id! }).map((e) => e.statusCode)).toContain('Afleveret Fysisk Post');
});

test('a real CPR or a CVR in the ForsendelseI identifies the recipient', async () => {
  const cpr = await printOnly(forsendelseXml('2307703456'));
  expect(sb.store.letter(cpr.id!)!.recipientId).toBe('2307703456');
  const cvrXml = forsendelseXml().replace('<dkal:CPRnummerIdentifikator>0000000000</dkal:CPRnummerIdentifikator>', '<dkal:CVRnummerIdentifikator>24256790</dkal:CVRnummerIdentifikator>');
  const cvr = await printOnly(cvrXml);
  expect(sb.store.letter(cvr.id!)!.recipientId).toBe('24256790');
});

test('a print-only letter with CPR 0000000000 and no address names nobody: refused as forsendelse.invalid', async () => {
  const sent = await printOnly(withoutAddress(forsendelseXml('0000000000')));
  expect(sent.text).toContain('<Result>false</Result>');
  expect(sent.text).toContain('forsendelse.invalid');
  expect(sent.text).toContain('0000000000');
  // With a real CPR the service can find the address itself: accepted.
  expect((await printOnly(withoutAddress(forsendelseXml('2307703456')))).text).toContain('<Result>true</Result>');
});
