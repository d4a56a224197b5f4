/**
 * KombiPostAfsend (`POST /service/KombiPostAfsend_1/kombi`). Refusals are `Result=false`
 * (HTTP 200 for content the service refuses, 400 for a request it cannot read).
 * @module
 */
import { decodeUtf8 } from '@postbud/sdk/node';
import type { HttpResult } from '../http/HttpResult.js';
import { bodySlice } from '../http/bodySlice.js';
import { readBody } from '../http/readBody.js';
import type { RequestContext } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { intakeLetter, type RequestedChannel } from '../letters/intakeLetter.js';
import { ENTITY_IDS } from './entityIds.js';
import { authenticateService } from './serviceAuth.js';
import { KombiEnvelopeError, readKombiEnvelope, type KombiEnvelope } from './kombiEnvelope.js';
import { kombiAccepted, kombiRefused } from './kombiResponse.js';

export const MAX_KOMBI_BYTES = 150 * 1024 * 1024;

const CHANNELS: Readonly<Record<string, RequestedChannel>> = {
  'Digital Post': 'digital',
  NemSMS: 'nemsms',
  'Fysisk Post': 'physical',
  'Automatisk Valg': 'auto',
};

/**
 * Whether the MeMo's messageType is NEMSMS. The header comes first, so the search stops early
 * instead of scanning a whole attachment for an element that is not there.
 */
function isNemSms(memoXml: string): boolean {
  return /<(?:[\w-]+:)?messageType>\s*([A-Z]*)\s*</.exec(memoXml)?.[1] === 'NEMSMS';
}

function checkParts(env: KombiEnvelope): string | null {
  const code = env.kombiValgKode;
  if (code === null) return 'KombiValgKode is missing; it must be the first child of kombi_request.';
  if (!(code in CHANNELS)) return `KombiValgKode "${code}" is unknown; use Automatisk Valg, Digital Post, Fysisk Post or NemSMS.`;
  if ((code === 'Digital Post' || code === 'NemSMS') && env.memoXml === null) return `KombiValgKode "${code}" needs a memo:Message.`;
  if (code === 'Fysisk Post' && env.forsendelse === null) return 'KombiValgKode "Fysisk Post" needs a fjernprint:ForsendelseI.';
  if (code === 'Automatisk Valg' && env.memoXml === null && env.forsendelse === null) return 'Automatisk Valg needs a memo:Message and/or a fjernprint:ForsendelseI.';
  if (code === 'NemSMS' && env.memoXml !== null && !isNemSms(env.memoXml)) return 'KombiValgKode "NemSMS" needs a MeMo with messageType NEMSMS.';
  if (code === 'Digital Post' && env.memoXml !== null && isNemSms(env.memoXml)) return 'A NEMSMS message must be sent with KombiValgKode "NemSMS".';
  return null;
}

export function kombiHandler(ctx: SandboxContext) {
  return async (rc: RequestContext): Promise<HttpResult> => {
    const caller = authenticateService(ctx, rc, ENTITY_IDS.kombiPostAfsend);
    const type = (rc.header('content-type') ?? '').toLowerCase();
    if (!type.startsWith('application/xml') && !type.startsWith('text/xml')) {
      return kombiRefused(415, 'request.invalid', 'Content-Type must be application/xml (UTF-8).');
    }
    const body = await readBody(rc.req, MAX_KOMBI_BYTES);
    const text = decodeUtf8(body);
    if (text === null) return kombiRefused(400, 'request.invalid', 'The body is not UTF-8 encoded XML.');
    let env: KombiEnvelope;
    try {
      env = readKombiEnvelope(text);
    } catch (err) {
      const message = err instanceof KombiEnvelopeError ? err.message : 'The body is not readable kombi_request XML.';
      return kombiRefused(400, 'request.invalid', message);
    }
    const partsProblem = checkParts(env);
    if (partsProblem) return kombiRefused(400, 'request.invalid', partsProblem);
    const outcome = await intakeLetter(ctx, {
      route: 'sf1601', kombiCode: env.kombiValgKode, requestedChannel: CHANNELS[env.kombiValgKode!]!,
      memoXml: env.memoXml, memoBytes: env.memoSpan && bodySlice(body, text, env.memoSpan.start, env.memoSpan.end), memoRead: env.memo, forsendelse: env.forsendelse, forsendelseXml: env.forsendelseXml,
      authorityCvr: caller.token.cvr, systemId: null, transactionId: caller.transactionId,
    });
    if (outcome.kind === 'duplicate') {
      const original = outcome.letter;
      if (ctx.settings.duplicates === 'reject') {
        return kombiRefused(200, 'message.duplicate', `A letter with messageUUID ${original.messageUuid} was already accepted (TransmissionID ${original.id}).`);
      }
      if (original.responseBody !== null) {
        return { status: original.responseStatus ?? 200, headers: { 'content-type': original.responseType ?? 'application/xml' }, body: original.responseBody };
      }
      return kombiAccepted(original.id);
    }
    if (outcome.kind === 'refused') return kombiRefused(200, outcome.code, outcome.text, outcome.letter.id);
    // Not stored with the letter (unlike NgDP's timestamped receipt): the answer is a function of
    // the TransmissionID, so a duplicate gets the same bytes from kombiAccepted(original.id) above.
    return kombiAccepted(outcome.letter.id);
  };
}
