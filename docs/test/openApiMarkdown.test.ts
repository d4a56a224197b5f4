/** The OpenAPI → Markdown renderer: fields, nesting, variants, anchors, the shared error body. */
import { expect, test } from '@jest/globals';
import { githubSlug, renderOpenApiMarkdown, schemaRows } from '../scripts/lib/openApiMarkdown.mjs';

const errorBody = { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } };

test('schemaRows flattens nested objects, array items and oneOf variants with their discriminator', () => {
  const rows = schemaRows({
    type: 'object',
    required: ['recipient', 'files'],
    properties: {
      recipient: { oneOf: [{ type: 'object', required: ['type', 'cpr'], properties: { type: { const: 'cpr' }, cpr: { type: 'string', pattern: '^\\d{10}$' } } }] },
      files: { type: 'array', maxItems: 11, description: 'First file = the letter.', items: { type: 'object', required: ['filename'], properties: { filename: { type: 'string' } } } },
      state: { type: 'string', enum: ['sent', 'failed'] },
    },
  });
  expect(rows).toEqual([
    { field: 'recipient', type: 'object', required: true, notes: '' },
    { field: 'recipient.type', type: '`"cpr"`', required: true, notes: '(when type = "cpr")' },
    { field: 'recipient.cpr', type: 'string', required: true, notes: '(when type = "cpr") pattern `^\\d{10}$`' },
    { field: 'files', type: 'array of object', required: true, notes: 'First file = the letter. (max items 11)' },
    { field: 'files[].filename', type: 'string', required: true, notes: '' },
    { field: 'state', type: '`"sent"` | `"failed"`', required: false, notes: '' },
  ]);
});

test('schemaRows names a body that needs exactly one of several fields', () => {
  const rows = schemaRows({ type: 'object', properties: { cpr: { type: 'string' }, cvr: { type: 'string' } }, oneOf: [{ required: ['cpr'] }, { required: ['cvr'] }] });
  expect(rows.at(-1)).toEqual({ field: '(one of)', type: '', required: true, notes: 'exactly one of: `cpr` or `cvr`' });
});

test('githubSlug gives the anchors GitHub gives headings such as "GET /v1/letters/{id}"', () => {
  expect(githubSlug('GET /v1/letters/{id}')).toBe('get-v1lettersid');
  expect(githubSlug('POST /v1/lookup')).toBe('post-v1lookup');
});

test('renderOpenApiMarkdown: one section per operation, a linked summary table, pipes escaped, the error body once', () => {
  const md = renderOpenApiMarkdown({
    openapi: '3.1.0',
    info: { title: 'Test API', version: '1.2.3', description: 'An API.' },
    paths: {
      '/v1/things/{id}': {
        get: {
          operationId: 'getThing', summary: 'One thing', tags: ['things'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'The thing', content: { 'application/json': { schema: { type: 'object', properties: { kind: { enum: ['a', 'b'] } } } } } }, '401': { description: 'Error', content: { 'application/json': { schema: errorBody } } } },
        },
      },
      '/health': { get: { operationId: 'health', summary: 'Alive?', tags: ['system'], security: [], parameters: [], responses: { '200': { description: 'Alive' } } } },
    },
  });
  expect(md.startsWith('# Test API 1.2.3\n')).toBe(true);
  expect(md).toContain('| GET | [`/v1/things/{id}`](#get-v1thingsid) | One thing |');
  expect(md).toContain('## GET /v1/things/{id}\n\nOne thing.\n\nOperation id `getThing`, tag `things`, authentication: bearer token.');
  expect(md).toContain('| `id` | path | string (uuid) | yes |  |');
  expect(md).toContain('| `kind` | `"a"` \\| `"b"` | no |  |');
  expect(md).toContain('- **401** Error: the [error body](#errors).');
  expect(md).toContain('## GET /health\n\nAlive?\n\nOperation id `health`, tag `system`, authentication: none.');
  expect(md.match(/\| `error.code` \|/g)).toHaveLength(1);
  expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
});
