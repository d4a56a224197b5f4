/**
 * NgDP event log (`GET /apis/v1/events/?eventTag=`) for the caller's organisation, derived from
 * the sandbox's letter events. Carries MESSAGE_READ, which PKO_PostStatus has no code for.
 * @module
 */
import { jsonResult, type HttpResult } from '../http/HttpResult.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import type { EventRecord } from '../store/records.js';
import { authenticateNgdp } from './ngdpAuth.js';
import { pagingResult } from './paging.js';

const TAGS: Readonly<Record<EventRecord['kind'], string>> = {
  accepted: 'MEMO_SEND_RECEIVED',
  delivered: 'MEMO_AVAILABLE_TO_RECIPIENT',
  printed: 'PHYSICAL_LETTER_SENT',
  failed: 'MEMO_SEND_FAILED',
  read: 'MESSAGE_READ',
};

export function eventsHandler(ctx: SandboxContext) {
  return (rc: RequestContext): HttpResult => {
    const caller = authenticateNgdp(ctx, rc);
    const tag = rc.url.searchParams.get('eventTag');
    const events = ctx.store
      .events({ authorityCvr: caller.authority.cvr })
      .map((e) => ({ eventTag: TAGS[e.kind], messageUUID: e.messageUuid, transmissionId: e.letterId, timeStamp: e.createdAt }))
      .filter((e) => tag === null || e.eventTag === tag);
    return jsonResult(200, pagingResult(events, rc.url));
  };
}
