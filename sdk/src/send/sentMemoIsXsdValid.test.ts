/**
 * What the client puts on the wire is valid MeMo by the official XSDs: the MeMo inside a
 * kombi_request (digital, auto, reply-enabled to a P-unit, MeMo 1.1) and a NemSMS for NgDP.
 */
import { expect, test } from '@jest/globals';
import { sharedReference } from '../../../test-support/sharedReference.js';
import { MemoXsdValidator } from '../runtime/node/MemoXsdValidator.js';
import { aLetter, clientOptions, CONTACT_POINT_ID, COMPANY_CVR, P_NUMBER } from '../../test/client/fixtures.js';
import { resolveClientConfig } from '../client/ClientOptions.js';
import { prepareLetter } from './prepareLetter.js';
import { buildKombiBody } from './sendViaSf1601.js';
import { serializeMemo } from './serializeMemo.js';

const memoDir = sharedReference('memo');
const withXsd = memoDir ? test : test.skip;

function memoOf(body: string | Uint8Array): string {
  const kombi = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
  const start = kombi.indexOf('<memo:Message');
  const end = kombi.indexOf('</memo:Message>') + '</memo:Message>'.length;
  return kombi.slice(start, end);
}

withXsd('MeMo sent through SF1601 and NgDP passes the MeMo 1.1 and 1.2 XSDs', async () => {
  const validator = await MemoXsdValidator.load(memoDir ?? '');
  const config = resolveClientConfig(clientOptions());
  const replyToPUnit = aLetter({
    recipient: { type: 'cvr', cvr: COMPANY_CVR, pNumber: P_NUMBER },
    reply: { enabled: true, replyBy: '2030-01-31T12:00:00Z', contactPoint: { id: CONTACT_POINT_ID } },
    metadata: { caseId: { id: 'SAG-1', system: 'SBSYS' } },
  });
  const physical = { address: { name: 'Fiktiv Person', lines: ['Testvej 1', '8000 Aarhus C'] } };
  const cases = [
    { xml: memoOf(await buildKombiBody(prepareLetter(aLetter(), 'digital', undefined, config), 'digital', undefined)), version: '1.2' as const },
    { xml: memoOf(await buildKombiBody(prepareLetter(replyToPUnit, 'auto', undefined, config), 'auto', physical)), version: '1.2' as const },
    { xml: memoOf(await buildKombiBody(prepareLetter(aLetter({ memoVersion: '1.1' }), 'digital', undefined, config), 'digital', undefined)), version: '1.1' as const },
    { xml: await serializeMemo(prepareLetter({ title: 'SMS', notification: 'Husk tiden', recipient: { type: 'cpr', cpr: '0101901234' } }, 'nemsms', undefined, config).message), version: '1.2' as const },
  ];
  for (const { xml, version } of cases) {
    expect(xml.length).toBeGreaterThan(100);
    expect(await validator.validate(xml, version)).toEqual([]);
  }
});
