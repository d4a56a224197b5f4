import { expect, test } from '@jest/globals';
import { maskCpr, maskCprInText } from './mask.js';

test('maskCpr masks the serial of both written forms and leaves other text alone', () => {
  expect(maskCpr('0101901234')).toBe('010190-****');
  expect(maskCpr('010190-1234')).toBe('010190-****');
  expect(maskCpr(' 0101901234 ')).toBe('010190-****');
  expect(maskCpr('13748136')).toBe('13748136');
  expect(maskCpr('hello')).toBe('hello');
});

test('maskCprInText masks every CPR-like number in a text, but not parts of longer numbers', () => {
  expect(maskCprInText('Til 0101901234 og 150285-1234, sag 1502851234.')).toBe('Til 010190-**** og 150285-****, sag 150285-****.');
  expect(maskCprInText('cpr=010190 1234')).toBe('cpr=010190-****');
  expect(maskCprInText('ordre 123456789012 og cvr 13748136')).toBe('ordre 123456789012 og cvr 13748136');
  expect(maskCprInText('uuid 0101901234-abc')).toBe('uuid 010190-****-abc');
});
