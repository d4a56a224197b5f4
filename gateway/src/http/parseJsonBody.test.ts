import { expect, test } from '@jest/globals';
import { ApiError } from './ApiError.js';
import { parseJsonBody } from './parseJsonBody.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
function refusal(text: string | Uint8Array): string {
  try {
    parseJsonBody(typeof text === 'string' ? bytes(text) : text);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    return (err as ApiError).message;
  }
  throw new Error('accepted');
}

test('parses JSON as sent: Danish text, a BOM, nested values, a "constructor" that is just text', () => {
  expect(parseJsonBody(bytes('{"title":"Afgørelse – 5 €","a":[{"b":[1,{"c":null}]}]}'))).toEqual({ title: 'Afgørelse – 5 €', a: [{ b: [1, { c: null }] }] });
  expect(parseJsonBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"x":1}')]))).toEqual({ x: 1 });
  expect(parseJsonBody(bytes('{"constructor":"Bygning A","meta":{"constructor":{"name":"x"}}}'))).toEqual({ constructor: 'Bygning A', meta: { constructor: { name: 'x' } } });
});

test('refuses __proto__ keys and constructor.prototype at any depth, like Fastify, with a 400 that says why', () => {
  expect(refusal('{"__proto__":{"admin":true}}')).toContain('__proto__');
  expect(refusal('{"files":[{"meta":{"__proto__":{}}}]}')).toContain('__proto__');
  expect(refusal('[[{"\\u005f_proto__":1}]]')).toContain('__proto__');
  expect(refusal('{"a":{"constructor":{"prototype":{"admin":true}}}}')).toContain('constructor');
});

test('refuses empty, malformed and non-UTF-8 bodies', () => {
  expect(refusal('')).toBe('The body is empty; send JSON.');
  expect(refusal('  \n')).toBe('The body is empty; send JSON.');
  expect(refusal('{"title":')).toMatch(/^The body is not valid JSON: /);
  expect(refusal(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toBe('The body is not UTF-8 encoded JSON.');
});
