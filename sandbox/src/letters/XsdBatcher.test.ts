import { expect, test } from '@jest/globals';
import { MemoXsdValidator } from '@postbud/sdk/node';
import { sharedReference } from '../../../test-support/sharedReference.js';
import { letterXml } from '../../test/support/wire.js';
import { XsdBatcher } from './XsdBatcher.js';

const dir = sharedReference('memo');
const withXsd = dir ? test : test.skip;

withXsd('concurrent validations share one engine run and each gets only its own problems', async () => {
  const validator = await MemoXsdValidator.load(dir!);
  let runs = 0;
  const counting = Object.assign(Object.create(validator) as MemoXsdValidator, {
    validateMany: (docs: { name: string; xml: string }[], v: '1.1' | '1.2') => {
      runs++;
      return validator.validateMany(docs, v);
    },
  });
  const batcher = new XsdBatcher(counting);
  const docs = Array.from({ length: 12 }, (_, i) => {
    const { xml } = letterXml();
    if (i % 4 === 1) return xml.replace(/<memo:label>[^<]*<\/memo:label>/, ''); // missing label
    if (i % 4 === 3) return xml.replace(/<memo:messageUUID>[^<]*</, '<memo:messageUUID>not-a-uuid<');
    return xml;
  });
  const results = await Promise.all(docs.map((xml) => batcher.validate(xml, '1.2')));
  expect(runs).toBe(1);
  results.forEach((problems, i) => {
    if (i % 4 === 1) expect(problems.map((p) => p.message).join(' ')).toMatch(/label/);
    else if (i % 4 === 3) expect(problems.map((p) => p.message).join(' ')).toMatch(/messageUUID/);
    else expect(problems).toEqual([]);
  });
});
