import { expect, test } from '@jest/globals';
import { createRedactingLogger, silentLogger } from './Logger.js';

test('without a logger nothing is logged; with one, lines are prefixed, filtered and redacted', () => {
  expect(createRedactingLogger(undefined)).toBe(silentLogger);
  const lines: [string, unknown][] = [];
  const log = createRedactingLogger({ debug: (m, f) => lines.push([m, f]), info: (m, f) => lines.push([m, f]), warn: () => {}, error: () => {} }, 'info');
  log.debug('hidden');
  log.info('to 010190-1234 with Holder-of-key abc.def', {
    headers: { Authorization: 'Basic Zm9vOmJhcg==', 'x-TransaktionsId': 'id-1' },
    body: '<memo:Message>secret</memo:Message>',
    pem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
    passphrase: 'hemmelig',
  });
  expect(lines).toHaveLength(1);
  const [message, fields] = lines[0] ?? ['', {}];
  expect(message).toBe('[postbud] to 010190-**** with Holder-of-key [redacted]');
  expect(fields).toEqual({ headers: { Authorization: '[redacted]', 'x-TransaktionsId': 'id-1' }, body: '[35 characters not logged]', pem: '[redacted certificate]', passphrase: '[redacted]' });
});
