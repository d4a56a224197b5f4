import { expect, test } from '@jest/globals';
import { errorFromException, errorFromResponse, parseRetryAfter } from './mapTransportError.js';

const ctx = { operation: 'Op', url: 'http://x/', userAborted: false, timedOut: false, timeoutMs: 10 };
const res = (status: number, body = '', headers: Record<string, string> = {}) => ({ status, headers, body: new TextEncoder().encode(body) });

test('user abort, timeout, TLS and connection failures are distinct codes', () => {
  expect(errorFromException(new Error('x'), { ...ctx, userAborted: true }).code).toBe('ABORTED');
  const timeout = errorFromException(new Error('x'), { ...ctx, timedOut: true });
  expect([timeout.code, timeout.retryable]).toEqual(['TIMEOUT', true]);
  const tls = errorFromException(Object.assign(new Error('alert'), { code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' }), ctx);
  expect([tls.code, tls.fault, tls.retryable]).toEqual(['TLS_ERROR', 'client', false]);
  const reset = errorFromException(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), ctx);
  expect([reset.code, reset.retryable]).toEqual(['NETWORK_ERROR', true]);
});

test('statuses map to fault and retryability', () => {
  expect(errorFromResponse(res(401), ctx).code).toBe('AUTH_FAILED');
  expect(errorFromResponse(res(400), ctx)).toMatchObject({ code: 'HTTP_CLIENT_ERROR', fault: 'client', retryable: false });
  expect(errorFromResponse(res(408), ctx)).toMatchObject({ code: 'TIMEOUT', retryable: true });
  expect(errorFromResponse(res(429, '', { 'retry-after': '2' }), ctx)).toMatchObject({ code: 'RATE_LIMITED', retryable: true, details: { retryAfterMs: 2000 } });
  expect(errorFromResponse(res(503), ctx)).toMatchObject({ code: 'HTTP_SERVER_ERROR', fault: 'server', retryable: true });
});

test('the server\'s own error words are kept, with CPR numbers masked', () => {
  const ngdp = errorFromResponse(res(400, JSON.stringify({ code: 'MEMO_INVALID', message: 'recipient 0101901234 unknown', fieldErrors: [{ field: 'label' }] })), ctx);
  expect(ngdp.details).toMatchObject({ serverCode: 'MEMO_INVALID', serverMessage: 'recipient 010190-**** unknown' });
  expect(ngdp.message).not.toContain('0101901234');
  const sf = errorFromResponse(res(400, '<kombi_response><FejlKode>E1</FejlKode><FejlTekst>Ugyldig</FejlTekst></kombi_response>'), ctx);
  expect(sf.details).toMatchObject({ serverCode: 'E1', serverMessage: 'Ugyldig' });
});

test('Retry-After accepts seconds and HTTP dates', () => {
  expect(parseRetryAfter('3')).toBe(3000);
  expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(10_000);
  expect(parseRetryAfter(undefined)).toBeUndefined();
});
