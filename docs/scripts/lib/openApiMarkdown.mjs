/**
 * Renders the gateway's OpenAPI document as readable Markdown: one section per operation
 * with method, path, summary, parameters, request body and responses, each schema as a
 * table of fields (nested fields as `a.b`, array items as `a[].b`). Order = the document's.
 */

/** @typedef {Record<string, unknown>} Json */
/** @typedef {{ field: string, type: string, required: boolean, notes: string }} Row */

/** @param {unknown} v @returns {Json} */
const obj = (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? /** @type {Json} */ (v) : {});
/** @param {unknown} v @returns {unknown[]} */
const arr = (v) => (Array.isArray(v) ? v : []);
/** @param {unknown} v @returns {string} */
const str = (v) => (typeof v === 'string' ? v : '');

/** Table cells: pipes escaped (also inside code spans), no line breaks. @param {string} s */
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. @param {string} heading */
export function githubSlug(heading) {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\- ]/gu, '').replace(/ /g, '-');
}

/** @param {Json} s @returns {string} */
function typeOf(s) {
  if (s['const'] !== undefined) return `\`${JSON.stringify(s['const'])}\``;
  if (Array.isArray(s['enum'])) return s['enum'].map((e) => `\`${JSON.stringify(e)}\``).join(' | ');
  if (Array.isArray(s['oneOf'])) return s['oneOf'].length === 1 ? 'object' : `one of ${s['oneOf'].length} shapes`;
  const type = str(s['type']) || 'any';
  if (type === 'array') return `array of ${typeOf(obj(s['items']))}`;
  return s['format'] === undefined ? type : `${type} (${str(s['format'])})`;
}

/** Description, then the constraints: "First file = the letter. (min items 1, max items 11)". @param {Json} s @returns {string} */
function notesOf(s) {
  const limits = [];
  if (typeof s['pattern'] === 'string') limits.push(`pattern \`${s['pattern']}\``);
  /** @type {readonly (readonly [string, string])[]} */
  const words = [['minLength', 'min length'], ['maxLength', 'max length'], ['minItems', 'min items'], ['maxItems', 'max items'], ['minimum', 'min'], ['maximum', 'max']];
  for (const [key, word] of words) {
    if (s[key] !== undefined) limits.push(`${word} ${String(s[key])}`);
  }
  if (typeof s['contentEncoding'] === 'string') limits.push(`encoded as ${s['contentEncoding']}`);
  const description = typeof s['description'] === 'string' ? s['description'] : '';
  if (limits.length === 0) return description;
  return description ? `${description} (${limits.join(', ')})` : limits.join(', ');
}

/** The discriminating constant of a oneOf variant, e.g. `type = "cpr"`. @param {Json} variant */
function discriminator(variant) {
  const entry = Object.entries(obj(variant['properties'])).find(([, p]) => obj(p)['const'] !== undefined);
  return entry ? `${entry[0]} = ${JSON.stringify(obj(entry[1])['const'])}` : '';
}

/**
 * @param {Json} schema
 * @param {string} prefix field path so far (`recipient.`)
 * @param {string} when note for the fields of one oneOf variant
 * @returns {Row[]}
 */
export function schemaRows(schema, prefix = '', when = '') {
  const required = arr(schema['required']).map(str);
  /** @type {Row[]} */
  const rows = [];
  for (const [name, raw] of Object.entries(obj(schema['properties']))) {
    const p = obj(raw);
    const field = `${prefix}${name}`;
    const notes = [when ? `(when ${when})` : '', notesOf(p)].filter(Boolean).join(' ');
    rows.push({ field, type: typeOf(p), required: required.includes(name), notes });
    rows.push(...childRows(p, field));
  }
  const alternatives = arr(schema['oneOf']).map(obj);
  if (alternatives.length > 0 && alternatives.every((a) => a['properties'] === undefined)) {
    const choice = alternatives.map((a) => arr(a['required']).map((r) => `\`${str(r)}\``).join(' + ')).join(' or ');
    rows.push({ field: prefix ? `${prefix}(one of)` : '(one of)', type: '', required: true, notes: `exactly one of: ${choice}` });
  }
  return rows;
}

/** @param {Json} p @param {string} field @returns {Row[]} */
function childRows(p, field) {
  if (p['properties'] !== undefined) return schemaRows(p, `${field}.`);
  const items = obj(p['items']);
  if (p['type'] === 'array' && items['properties'] !== undefined) return schemaRows(items, `${field}[].`);
  return arr(p['oneOf']).map(obj).flatMap((variant) => schemaRows(variant, `${field}.`, discriminator(variant)));
}

/** @param {Json} schema @returns {string[]} */
export function schemaTable(schema) {
  const rows = schemaRows(schema);
  if (rows.length === 0) return [`Type: ${typeOf(schema)}${notesOf(schema) ? ` (${notesOf(schema)})` : ''}.`];
  return [
    '| field | type | required | notes |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${cell(r.field)}\` | ${cell(r.type)} | ${r.required ? 'yes' : 'no'} | ${cell(r.notes)} |`),
  ];
}

/** The common error body `{ error: { code, message, details? } }`, shown once under "Errors". @param {Json} schema */
function isErrorBody(schema) {
  return arr(schema['required']).length === 1 && schema['required'] !== undefined && arr(schema['required'])[0] === 'error' && obj(schema['properties'])['error'] !== undefined;
}

/** @param {Json} content media type → { schema } @param {string} what @returns {string[]} */
function contentBlocks(content, what) {
  return Object.entries(content).flatMap(([mediaType, media]) => [`${what} \`${mediaType}\`:`, '', ...schemaTable(obj(obj(media)['schema'])), '']);
}

/** @param {string} status @param {Json} response @returns {string[]} */
function responseLines(status, response) {
  const content = obj(response['content']);
  const schemas = Object.values(content).map((m) => obj(obj(m)['schema']));
  if (schemas.length === 1 && isErrorBody(schemas[0] ?? {})) return [`- **${status}** ${str(response['description'])}: the [error body](#errors).`, ''];
  const body = schemas.length > 0 ? contentBlocks(content, 'Body').map((l) => (l ? `  ${l}` : l)) : [];
  return [`- **${status}** ${str(response['description'])}`, '', ...body];
}

/** A sentence from a summary: a full stop unless it already ends with punctuation. @param {string} s */
const sentence = (s) => (/[.?!]$/.test(s) ? s : `${s}.`);

/** @param {Json[]} parameters @returns {string[]} */
function parameterTable(parameters) {
  if (parameters.length === 0) return [];
  return [
    '**Parameters**', '',
    '| name | in | type | required | notes |',
    '| --- | --- | --- | --- | --- |',
    ...parameters.map((p) => `| \`${cell(str(p['name']))}\` | ${str(p['in'])} | ${cell(typeOf(obj(p['schema'])))} | ${p['required'] === true ? 'yes' : 'no'} | ${cell(notesOf(obj(p['schema'])))} |`),
    '',
  ];
}

/** @param {string} method @param {string} route @param {Json} op @returns {string[]} */
function operationSection(method, route, op) {
  const auth = Array.isArray(op['security']) && op['security'].length === 0 ? 'none' : 'bearer token';
  const body = obj(op['requestBody']);
  return [
    `## ${method.toUpperCase()} ${route}`, '',
    sentence(str(op['summary'])), '',
    `Operation id \`${str(op['operationId'])}\`, tag \`${arr(op['tags']).map(str).join(', ')}\`, authentication: ${auth}.`, '',
    ...parameterTable(arr(op['parameters']).map(obj)),
    ...(op['requestBody'] === undefined ? [] : ['**Request body**', '', ...contentBlocks(obj(body['content']), 'As')]),
    '**Responses**', '',
    ...Object.entries(obj(op['responses'])).flatMap(([status, raw]) => responseLines(status, obj(raw))),
  ];
}

/** The error body's fields, from the first response that uses it. @param {Json[]} ops @returns {string[]} */
function errorSection(ops) {
  const schema = ops
    .flatMap((op) => Object.values(obj(op['responses'])).flatMap((r) => Object.values(obj(obj(r)['content'])).map((m) => obj(obj(m)['schema']))))
    .find(isErrorBody);
  if (schema === undefined) return [];
  return ['## Errors', '', 'Every error has this body; `code` is stable, `message` says in plain words what is wrong (CPR numbers masked).', '', ...schemaTable(schema), ''];
}

/**
 * @param {Json} doc the OpenAPI document
 * @returns {string}
 */
export function renderOpenApiMarkdown(doc) {
  const info = obj(doc['info']);
  const operations = Object.entries(obj(doc['paths'])).flatMap(([route, item]) =>
    Object.entries(obj(item)).map(([method, op]) => ({ method, route, op: obj(op) })));
  const lines = [
    `# ${str(info['title'])} ${str(info['version'])}`, '',
    '<!-- Generated by docs/scripts/generate-reference.mjs from gateway-openapi.json. Do not edit: run `npm run docs:reference -w @postbud/docs`. -->', '',
    str(info['description']), '',
    'The machine-readable document is [gateway-openapi.json](gateway-openapi.json) (OpenAPI 3.1; a running gateway serves it at `GET /openapi.json`). ' +
      'Authentication: `Authorization: Bearer <token>` (an identity token from Entra ID, or from the sandbox\'s identity provider in development) unless an operation says "none". ' +
      'Errors share one [body](#errors); 401, 403 and 429 can come from every authenticated operation. ' +
      'The guide is [../gateway.md](../gateway.md).', '',
    '| method | path | summary |',
    '| --- | --- | --- |',
    ...operations.map(({ method, route, op }) => `| ${method.toUpperCase()} | [\`${cell(route)}\`](#${githubSlug(`${method} ${route}`)}) | ${cell(str(op['summary']))} |`),
    '',
    ...errorSection(operations.map(({ op }) => op)),
    ...operations.flatMap(({ method, route, op }) => operationSection(method, route, op)),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
