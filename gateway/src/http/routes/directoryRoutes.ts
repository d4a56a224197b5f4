/**
 * Recipient lookup and the company directory (with production units).
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { senderSystemsFor } from '../../auth/senderSystemsFor.js';
import { ApiError } from '../ApiError.js';
import { addRoute } from '../ApiRoute.js';
import type { ApiRoute } from '../ApiRoute.js';
import type { GatewayContext } from '../GatewayContext.js';
import { Company, LookupRequest, LookupResponse } from '../schemas.js';
import { callerOf } from './callerOf.js';

/** Directory data is only for caseworkers who may send through at least one system. */
function requireSender(ctx: GatewayContext, request: Parameters<typeof callerOf>[0]): void {
  if (senderSystemsFor(callerOf(request), ctx.config).length === 0) {
    throw new ApiError(403, 'NO_SENDER_SYSTEM', 'You are not in a group that may use any sender system.');
  }
}

export function directoryRoutes(app: FastifyInstance, registry: ApiRoute[], ctx: GatewayContext): void {
  addRoute(app, registry, {
    method: 'POST', url: '/v1/lookup', operationId: 'lookupRecipient', tag: 'directory',
    summary: 'Can the recipient (CPR, CVR, CVR + P-number) receive Digital Post, or physical post? With name and reason.',
    body: { 'application/json': LookupRequest },
    responses: { '200': { description: 'Recipient status', content: { 'application/json': LookupResponse } } },
    handler: async (request) => {
      requireSender(ctx, request);
      const b = request.body as { cpr?: string; cvr?: string; pNumber?: string };
      const id = b.cpr !== undefined ? { cpr: b.cpr.replace('-', '') } : { cvr: b.cvr as string, ...(b.pNumber ? { pNumber: b.pNumber } : {}) };
      const { address: _address, ...status } = await ctx.letters.lookup(callerOf(request), id); // addresses stay inside the gateway
      return status;
    },
  });
  addRoute(app, registry, {
    method: 'GET', url: '/v1/companies', operationId: 'searchCompanies', tag: 'directory',
    summary: 'Search companies by name or CVR, with production units',
    querystring: { type: 'object', required: ['q'], properties: { q: { type: 'string', minLength: 2, maxLength: 100 } } },
    responses: { '200': { description: 'Matching companies', content: { 'application/json': { type: 'object', properties: { companies: { type: 'array', items: Company } } } } } },
    handler: async (request) => {
      requireSender(ctx, request);
      return { companies: await ctx.route.searchCompanies((request.query as { q: string }).q) };
    },
  });
  addRoute(app, registry, {
    method: 'GET', url: '/v1/companies/:cvr', operationId: 'getCompany', tag: 'directory',
    summary: 'One company with its production units',
    params: { type: 'object', required: ['cvr'], properties: { cvr: { type: 'string', pattern: '^\\d{8}$' } } },
    responses: { '200': { description: 'The company', content: { 'application/json': Company } }, '404': { description: 'No such company' } },
    handler: async (request) => {
      requireSender(ctx, request);
      const company = await ctx.route.getCompany((request.params as { cvr: string }).cvr);
      if (company === undefined) throw new ApiError(404, 'COMPANY_NOT_FOUND', 'No company has that CVR number.');
      return company;
    },
  });
}
