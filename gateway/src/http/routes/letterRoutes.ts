/**
 * Letters: send (202 at once; the outbox sends), status history, search; and replies.
 * @module
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { senderSystemsFor } from '../../auth/senderSystemsFor.js';
import type { LetterRecord, LetterState } from '../../ledger/records.js';
import { ApiError } from '../ApiError.js';
import { addRoute } from '../ApiRoute.js';
import type { ApiRoute } from '../ApiRoute.js';
import type { GatewayContext } from '../GatewayContext.js';
import { Letter, LetterRequest, LetterRequestMultipart, LetterState as LetterStateSchema, LetterWithHistory, Reply } from '../schemas.js';
import { callerOf } from './callerOf.js';
import { readLetterRequest } from './readLetterRequest.js';

const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

function toApiLetter(l: LetterRecord): Record<string, unknown> {
  const { recipientMasked, replyTurnedOff: _off, ...rest } = l;
  return { ...rest, recipient: recipientMasked, channel: l.channel ?? null, reachability: l.reachability ?? null };
}

function allowedSystems(ctx: GatewayContext, request: FastifyRequest): string[] {
  return senderSystemsFor(callerOf(request), ctx.config).map((s) => s.id);
}

async function visibleLetter(ctx: GatewayContext, request: FastifyRequest): Promise<LetterRecord> {
  const letter = await ctx.ledger.getLetter((request.params as { id: string }).id);
  if (letter === undefined || !allowedSystems(ctx, request).includes(letter.senderSystem)) {
    throw new ApiError(404, 'LETTER_NOT_FOUND', 'No letter with that id that you may see.');
  }
  return letter;
}

export function letterRoutes(app: FastifyInstance, registry: ApiRoute[], ctx: GatewayContext): void {
  addRoute(app, registry, {
    method: 'POST', url: '/v1/letters', operationId: 'sendLetter', tag: 'letters',
    summary: 'Send a letter: stored at once, sent by the outbox (202 with the letter id)',
    body: { 'application/json': LetterRequest, 'multipart/form-data': LetterRequestMultipart },
    validateBody: false,
    responses: {
      '202': { description: 'Accepted; the letter id is the MeMo messageUUID', content: { 'application/json': Letter } },
      '200': { description: 'Same Idempotency-Key as an earlier request: the earlier letter', content: { 'application/json': Letter } },
      '400': { description: 'Malformed request' }, '422': { description: 'Against policy or not valid MeMo' }, '413': { description: 'Too large' },
    },
    handler: async (request, reply) => {
      const body = await readLetterRequest(request);
      const key = request.headers['idempotency-key'];
      const { letter, created } = await ctx.letters.accept({
        caller: callerOf(request), senderSystemId: body.senderSystem, document: body,
        choices: { ...(body.reply ? { reply: body.reply } : {}), ...(body.contactPointId ? { contactPointId: body.contactPointId } : {}) },
        ...(typeof key === 'string' && key !== '' ? { clientKey: key.slice(0, 200) } : {}),
      });
      reply.code(created ? 202 : 200).header('location', `/v1/letters/${letter.id}`);
      return toApiLetter(letter);
    },
  });
  addRoute(app, registry, {
    method: 'GET', url: '/v1/letters/:id', operationId: 'getLetter', tag: 'letters',
    summary: 'A letter and its status history', params: idParam,
    responses: { '200': { description: 'The letter', content: { 'application/json': LetterWithHistory } }, '404': { description: 'Not found' } },
    handler: async (request) => {
      const letter = await visibleLetter(ctx, request);
      return { letter: toApiLetter(letter), history: await ctx.ledger.letterEvents(letter.id) };
    },
  });
  addRoute(app, registry, {
    method: 'GET', url: '/v1/letters', operationId: 'searchLetters', tag: 'letters',
    summary: 'Search letters of the sender systems you may use',
    querystring: {
      type: 'object',
      properties: {
        senderSystem: { type: 'string' }, caseId: { type: 'string' }, state: LetterStateSchema, mine: { type: 'boolean' },
        from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' }, limit: { type: 'integer', minimum: 1, maximum: 1000 },
      },
    },
    responses: { '200': { description: 'Letters, newest first', content: { 'application/json': { type: 'object', properties: { letters: { type: 'array', items: Letter } } } } } },
    handler: async (request) => {
      const q = request.query as { senderSystem?: string; caseId?: string; state?: LetterState; mine?: boolean; from?: string; to?: string; limit?: number };
      const allowed = allowedSystems(ctx, request);
      const systems = q.senderSystem === undefined ? allowed : allowed.filter((s) => s === q.senderSystem);
      const letters = await ctx.ledger.searchLetters({
        senderSystems: systems,
        ...(q.mine ? { caseworker: callerOf(request).id } : {}),
        ...(q.caseId ? { caseId: q.caseId } : {}), ...(q.state ? { state: q.state } : {}),
        ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.limit ? { limit: q.limit } : {}),
      });
      return { letters: letters.map(toApiLetter) };
    },
  });
  addRoute(app, registry, {
    method: 'GET', url: '/v1/letters/:id/replies', operationId: 'getLetterReplies', tag: 'replies',
    summary: 'Replies correlated to one letter', params: idParam,
    responses: { '200': { description: 'Replies', content: { 'application/json': { type: 'object', properties: { replies: { type: 'array', items: Reply } } } } }, '404': { description: 'Not found' } },
    handler: async (request) => ({ replies: await ctx.ledger.listReplies({ letterId: (await visibleLetter(ctx, request)).id }) }),
  });
  addRoute(app, registry, {
    method: 'GET', url: '/v1/replies', operationId: 'listReplies', tag: 'replies',
    summary: 'Replies to letters of the sender systems you may use, newest first',
    querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 } } },
    responses: { '200': { description: 'Replies', content: { 'application/json': { type: 'object', properties: { replies: { type: 'array', items: Reply } } } } } },
    handler: async (request) => {
      const limit = (request.query as { limit?: number }).limit;
      return { replies: await ctx.ledger.listReplies({ senderSystems: allowedSystems(ctx, request), ...(limit ? { limit } : {}) }) };
    },
  });
}
