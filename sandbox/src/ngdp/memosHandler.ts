/**
 * NgDP send: `POST /apis/v1/memos/?memo-message-uuid=<uuid>` with one MeMo (application/xml) →
 * 201 Receipt; 400 ErrorMessage for an invalid MeMo.
 * @module
 */
import { decodeUtf8 } from '@postbud/sdk/node';
import { jsonResult, type HttpResult } from '../http/HttpResult.js';
import { bodySlice } from '../http/bodySlice.js';
import { readBody } from '../http/readBody.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { intakeLetter, rememberResponse } from '../letters/intakeLetter.js';
import { authenticateNgdp } from './ngdpAuth.js';
import { errorMessage } from './errorMessage.js';
import { receiptJson } from './receiptJson.js';

const MAX_MEMO_BYTES = 150 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sendMemoHandler(ctx: SandboxContext) {
  return async (rc: RequestContext): Promise<HttpResult> => {
    const caller = authenticateNgdp(ctx, rc);
    const uuid = rc.url.searchParams.get('memo-message-uuid');
    if (!uuid || !UUID.test(uuid)) {
      return errorMessage(400, 'memo.message.uuid.invalid', 'Query parameter memo-message-uuid must be the MeMo messageUUID.', {
        fieldErrors: [{ resource: 'memo', field: 'memo-message-uuid', code: 'invalid', message: 'Must be a UUID.', rejectedValue: uuid }],
      });
    }
    const type = (rc.header('content-type') ?? '').toLowerCase();
    if (!type.startsWith('application/xml') && !type.startsWith('text/xml')) {
      return errorMessage(415, 'unsupported.media.type', 'Send a single MeMo as application/xml (bulk lzma uploads are not simulated).');
    }
    const body = await readBody(rc.req, MAX_MEMO_BYTES);
    const xml = decodeUtf8(body);
    if (xml === null) return errorMessage(400, 'memo.invalid', 'The body is not UTF-8 encoded.');
    const outcome = await intakeLetter(ctx, {
      route: 'ngdp', kombiCode: null, requestedChannel: /<(?:[\w-]+:)?messageType>\s*NEMSMS\s*</.test(xml.slice(0, 5000)) ? 'nemsms' : 'digital',
      memoXml: xml, memoBytes: bodySlice(body, xml, 0, xml.length), forsendelse: null, forsendelseXml: null, authorityCvr: caller.authority.cvr, systemId: caller.system.id,
      transactionId: null, expectedUuid: uuid,
    });
    if (outcome.kind === 'duplicate') {
      if (ctx.settings.duplicates === 'reject') {
        return errorMessage(409, 'memo.duplicate', `A MeMo with messageUUID ${uuid} was already accepted (transmissionId ${outcome.letter.id}).`);
      }
      const o = outcome.letter;
      if (o.responseBody !== null) return { status: o.responseStatus ?? 201, headers: { 'content-type': o.responseType ?? 'application/json' }, body: o.responseBody };
      return jsonResult(201, receiptJson({ ...o, status: 'accepted' }));
    }
    if (outcome.kind === 'refused') {
      const now = new Date();
      ctx.store.upsertReceipt({ id: outcome.letter.id, letterId: outcome.letter.id, systemId: caller.system.id, json: JSON.stringify(receiptJson(outcome.letter, now)), createdAt: now.toISOString(), deleted: false });
      return errorMessage(400, outcome.code, `The MeMo was rejected:\n${outcome.text}`, {
        fieldErrors: outcome.issues.map((i) => ({ resource: 'memo', field: i.path, code: i.code, message: i.message, rejectedValue: null })),
      });
    }
    const now = new Date();
    const receipt = receiptJson(outcome.letter, now);
    ctx.store.upsertReceipt({ id: outcome.letter.id, letterId: outcome.letter.id, systemId: caller.system.id, json: JSON.stringify(receipt), createdAt: now.toISOString(), deleted: false });
    const result = jsonResult(201, receipt);
    rememberResponse(ctx, outcome.letter, 201, 'application/json; charset=utf-8', String(result.body));
    return result;
  };
}
