/**
 * Inspection and control API for tests and demos, under `/_sandbox/`: list letters, events and
 * replies, set faults and settings, deliver pending letters now, create replies, reset.
 * @module
 */
import { emptyResult, jsonResult, SandboxHttpError, type HttpResult } from '../http/HttpResult.js';
import { parseJsonBody, readBody } from '../http/readBody.js';
import type { RequestContext, Router } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { LetterRecord } from '../store/records.js';
import { FAULT_KINDS, type FaultKind } from '../faults/FaultPlan.js';
import { createReply } from '../mailbox/createReply.js';
import { markRead } from '../mailbox/markRead.js';

function bad(message: string): HttpResult {
  return jsonResult(400, { code: 'request.invalid', message, fieldErrors: [] });
}

/** A letter without its (possibly huge) XML payloads. */
export function letterSummary(l: LetterRecord): Record<string, unknown> {
  const { memoXml, forsendelseXml, printPdfBase64, responseBody, ...rest } = l;
  return { ...rest, hasMemo: memoXml !== null, hasForsendelse: forsendelseXml !== null, hasPrintPdf: printPdfBase64 !== null };
}

async function jsonBody(rc: RequestContext): Promise<Record<string, unknown>> {
  const body = parseJsonBody(await readBody(rc.req, 20 * 1024 * 1024));
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function optional(q: URLSearchParams, name: string): string | undefined {
  return q.get(name) ?? undefined;
}

export function registerControlRoutes(router: Router, ctx: SandboxContext): void {
  const p = '/_sandbox';
  router
    .add('GET', `${p}/status`, () =>
      jsonResult(200, {
        validation: ctx.memoGate.mode, validationDescription: ctx.memoGate.describe(), settings: ctx.settings,
        faults: ctx.faults.describe(), store: ctx.store.location, tls: ctx.options.tls,
      }))
    .add('GET', `${p}/world`, () => jsonResult(200, ctx.world.data))
    .add('GET', `${p}/letters`, (rc) => {
      const q = rc.url.searchParams;
      const filter = { recipientId: optional(q, 'recipient'), messageUuid: optional(q, 'messageUuid'), senderId: optional(q, 'sender'), channel: optional(q, 'channel') };
      const letters = ctx.store.letters({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), ...listLimit(q) });
      return jsonResult(200, letters.map(letterSummary));
    })
    .add('GET', `${p}/letters/:id`, (rc) => {
      const l = ctx.store.letter(rc.params['id'] ?? '');
      return l ? jsonResult(200, l) : jsonResult(404, { code: 'not.found', message: 'No such letter.' });
    })
    .add('POST', `${p}/letters/:id/read`, (rc) => {
      const l = ctx.store.letter(rc.params['id'] ?? '');
      if (!l) return jsonResult(404, { code: 'not.found', message: 'No such letter.' });
      return jsonResult(200, letterSummary(markRead(ctx, l)));
    })
    .add('GET', `${p}/events`, (rc) => {
      const q = rc.url.searchParams;
      const filter = { letterId: optional(q, 'letterId'), messageUuid: optional(q, 'messageUuid'), authorityCvr: optional(q, 'authority') };
      return jsonResult(200, ctx.store.events({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), ...listLimit(q) }));
    })
    .add('GET', `${p}/inbound`, () => jsonResult(200, ctx.store.inboundList({ includeDeleted: true })))
    .add('GET', `${p}/faults`, () => jsonResult(200, ctx.faults.describe()))
    .add('PUT', `${p}/faults`, async (rc) => {
      const b = await jsonBody(rc);
      try {
        ctx.faults.configure(typeof b['spec'] === 'string' ? b['spec'] : '', typeof b['seed'] === 'number' ? b['seed'] : ctx.options.seed);
      } catch (err) {
        return bad((err as Error).message);
      }
      return jsonResult(200, ctx.faults.describe());
    })
    .add('POST', `${p}/faults/next`, async (rc) => {
      const b = await jsonBody(rc);
      const kind = b['kind'];
      if (typeof kind !== 'string' || !FAULT_KINDS.includes(kind as FaultKind)) return bad(`kind must be one of ${FAULT_KINDS.join(', ')}.`);
      ctx.faults.enqueue({
        kind: kind as FaultKind,
        ...(typeof b['times'] === 'number' ? { times: b['times'] } : {}),
        ...(typeof b['pathPrefix'] === 'string' ? { pathPrefix: b['pathPrefix'] } : {}),
        ...(typeof b['param'] === 'number' ? { param: b['param'] } : {}),
      });
      return jsonResult(200, ctx.faults.describe());
    })
    .add('DELETE', `${p}/faults`, () => {
      ctx.faults.clear();
      return emptyResult(204);
    })
    .add('PUT', `${p}/settings`, async (rc) => {
      const b = await jsonBody(rc);
      if (b['duplicates'] === 'original' || b['duplicates'] === 'reject') ctx.settings.duplicates = b['duplicates'];
      if (typeof b['deliveryDelayMs'] === 'number' && b['deliveryDelayMs'] >= 0) ctx.settings.deliveryDelayMs = b['deliveryDelayMs'];
      if (b['statusPushUrl'] === null || typeof b['statusPushUrl'] === 'string') ctx.settings.statusPushUrl = (b['statusPushUrl'] as string | null) || null;
      return jsonResult(200, ctx.settings);
    })
    .add('POST', `${p}/deliver`, async (rc) => {
      const b = rc.header('content-length') && rc.header('content-length') !== '0' ? await jsonBody(rc) : {};
      const delivered = ctx.scheduler.deliverPending(b['force'] === true);
      await ctx.statusFeed.flush();
      return jsonResult(200, { delivered });
    })
    .add('POST', `${p}/replies`, async (rc) => {
      const b = await jsonBody(rc);
      if (typeof b['letterId'] !== 'string' || typeof b['text'] !== 'string') return bad('Give letterId and text (and optionally attachment {filename, contentType, base64}).');
      const att = b['attachment'] as Record<string, unknown> | undefined;
      const attachment = att && typeof att['filename'] === 'string' && typeof att['base64'] === 'string'
        ? { filename: att['filename'], contentType: typeof att['contentType'] === 'string' ? att['contentType'] : 'application/octet-stream', bytes: Buffer.from(att['base64'], 'base64') }
        : undefined;
      const result = createReply(ctx, b['letterId'], { text: b['text'], ...(attachment ? { attachment } : {}) });
      if (!result.ok) return jsonResult(409, { code: result.reason, message: result.message });
      return jsonResult(201, { id: result.inbound.id, systemId: result.inbound.systemId, contactPointId: result.inbound.contactPointId, xml: result.inbound.memoXml });
    })
    .add('POST', `${p}/reset`, () => {
      ctx.store.reset();
      ctx.faults.clear();
      return emptyResult(204);
    });
}

/** Largest page of the inspection lists (`?limit=`): enough for a whole 50,000-letter soak. */
const MAX_LIST_LIMIT = 1_000_000;

/** `?limit=N` for the inspection lists (letters default 1,000, events 10,000, newest letters first). */
function listLimit(q: URLSearchParams): { limit?: number } {
  const raw = q.get('limit');
  if (raw === null) return {};
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new SandboxHttpError(jsonResult(400, { code: 'request.invalid', message: `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}, not "${raw.slice(0, 20)}".`, fieldErrors: [] }));
  return { limit: Math.min(n, MAX_LIST_LIMIT) };
}
