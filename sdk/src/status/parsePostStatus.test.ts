import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@jest/globals';
import { sharedReference } from '../../../test-support/sharedReference.js';
import { isPostbudError } from '../errors/PostbudError.js';
import { parsePostStatus } from './parsePostStatus.js';

const dir = sharedReference('memo/sf1601-poststatus-examples');
const maybe = dir === null ? test.skip : test;
const read = (name: string): string => readFileSync(path.join(dir ?? '', name), 'utf8');

maybe('the captured success envelope decodes to a delivered Digital Post status', () => {
  const status = parsePostStatus(read('PostStatusBeskedModtag.success.xml'));
  expect(status).toMatchObject({
    transmissionId: '1ab6eb87-a457-4ad3-8952-ed8f18a1676a',
    messageUUID: '8853363b-43ec-4d0a-a54d-65447f9447ed',
    messageId: '0d7a7d95-0c4a-4f86-bd98-c599d0b81128',
    channel: 'Digital Post',
    statusCode: 'Afleveret Digital Post',
    outcome: 'delivered',
    correlationId: '1ab6eb87-a457-4ad3-8952-ed8f18a1676a',
    envelopeMessageId: 'bd12c645-de98-453a-ac80-f58a76942eda',
  });
  expect(status.error).toBeUndefined();
});

maybe('the captured error envelope gives FejlKode memo.invalid and outcome failed', () => {
  const status = parsePostStatus(read('PostStatusBeskedModtag.error.xml'));
  expect(status).toMatchObject({ messageUUID: '33ca98c5-d2ce-43e7-be3a-d5cfde9f6394', statusCode: 'Fejlet', outcome: 'failed', error: { code: 'memo.invalid' } });
  expect(status.error?.text).toContain('tag name "mandatory" is not allowed');
});

test('a bare PKO_PostStatus is read too, and CPR numbers in error texts are masked', () => {
  const xml = '<PKO_PostStatus xmlns="http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types"><MessageUUID>m</MessageUUID><KanalKode>Fysisk Post</KanalKode><TransaktionsStatusKode>Fejlet</TransaktionsStatusKode><FejlDetaljer><FejlKode>x</FejlKode><FejlTekst>ukendt modtager 0101901234</FejlTekst></FejlDetaljer></PKO_PostStatus>';
  expect(parsePostStatus(xml)).toMatchObject({ messageUUID: 'm', channel: 'Fysisk Post', outcome: 'failed', error: { code: 'x', text: 'ukendt modtager 010190-****' } });
});

test('anything else is STATUS_MESSAGE_INVALID', () => {
  let caught: unknown;
  try {
    parsePostStatus('<Other/>');
  } catch (error) {
    caught = error;
  }
  expect(isPostbudError(caught, 'STATUS_MESSAGE_INVALID')).toBe(true);
});
