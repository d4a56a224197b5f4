/**
 * The OpenAPI 3.1 document of the gateway, generated from the registered {@link ApiRoute}s,
 * so every served route is documented and nothing documented is missing.
 * @module
 */
import type { ApiRoute } from './ApiRoute.js';
import { ErrorBody } from './schemas.js';

type Json = Record<string, unknown>;

/** `/v1/letters/:id` → `/v1/letters/{id}`. */
export function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(route: ApiRoute): Json[] {
  const list = (schema: Readonly<Record<string, unknown>> | undefined, where: 'path' | 'query'): Json[] => {
    const props = (schema?.['properties'] ?? {}) as Record<string, Json>;
    const required = (schema?.['required'] ?? []) as string[];
    return Object.entries(props).map(([name, s]) => ({ name, in: where, required: where === 'path' || required.includes(name), schema: s }));
  };
  return [...list(route.params, 'path'), ...list(route.querystring, 'query')];
}

function operation(route: ApiRoute): Json {
  const responses: Json = {};
  for (const [status, r] of Object.entries(route.responses)) {
    responses[status] = { description: r.description, ...(r.content ? { content: Object.fromEntries(Object.entries(r.content).map(([t, schema]) => [t, { schema }])) } : {}) };
  }
  const errors = route.auth === false ? ['500'] : ['401', '403', '429'];
  for (const status of errors) responses[status] ??= { description: 'Error', content: { 'application/json': { schema: ErrorBody } } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth === false ? { security: [] } : {}),
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: true, content: Object.fromEntries(Object.entries(route.body).map(([t, schema]) => [t, { schema }])) } } : {}),
    responses,
  };
}

export function buildOpenApi(routes: readonly ApiRoute[], info: { readonly version: string; readonly authority: string }): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const p = toOpenApiPath(route.url);
    paths[p] = { ...(paths[p] ?? {}), [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Postbud gateway API',
      version: info.version,
      description: `The HTTP API of the Postbud gateway of ${info.authority}: send Digital Post through the municipality's sender systems, follow status and replies.`,
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
