/**
 * Turns gateway JSON into the typed shapes of `types.ts`, rejecting what does not fit
 * (`RESPONSE_INVALID`). Fields the add-in does not use are not copied.
 * @module
 */
import { asArray, asObject, num, oneOf, optNum, optStr, str } from './readShape.js';
import type { JsonObject } from './readShape.js';
import type {
  Company, ContactPoint, Letter, LetterEvent, LetterLimits, LetterWithHistory, LookupResult, Me,
  ProductionUnit, Reachability, RequiredMetadata, SenderSystem,
} from './types.js';

const LETTER_STATES = ['accepted', 'sending', 'sent', 'delivered', 'failed', 'rejected'] as const;
const REACHABILITY = ['digital', 'physical', 'unreachable'] as const;

function contactPoint(value: unknown): ContactPoint {
  const o = asObject(value, 'contact point');
  return { id: str(o, 'id', 'contact point'), label: optStr(o, 'label') ?? str(o, 'id', 'contact point') };
}

function senderSystem(value: unknown): SenderSystem {
  const o = asObject(value, 'sender system');
  const reply = asObject(o['reply'], 'reply policy');
  const replyByDays = optNum(reply, 'replyByDays');
  const required = asArray(o['requiredMetadata'] ?? [], 'required metadata')
    .filter((r): r is RequiredMetadata => r === 'caseId' || r === 'kle' || r === 'title');
  const id = str(o, 'id', 'sender system');
  return {
    id,
    label: optStr(o, 'label') ?? id,
    senderLabel: optStr(o, 'senderLabel') ?? id,
    contactPoints: asArray(o['contactPoints'], 'contact points').map(contactPoint),
    reply: {
      policy: oneOf(reply, 'policy', ['always', 'never', 'caseworker-choice'], 'reply policy'),
      defaultOn: reply['defaultOn'] === true,
      ...(replyByDays === undefined ? {} : { replyByDays }),
    },
    channel: o['channel'] === 'digital-only' ? 'digital-only' : 'auto',
    requiredMetadata: required,
  };
}

function limits(value: unknown): LetterLimits {
  const o = asObject(value, 'limits');
  return {
    maxAttachments: num(o, 'maxAttachments', 'limits'),
    maxFileBytes: num(o, 'maxFileBytes', 'limits'),
    maxTotalBytes: num(o, 'maxTotalBytes', 'limits'),
    allowedExtensions: asArray(o['allowedExtensions'], 'limits (allowedExtensions)')
      .filter((e): e is string => typeof e === 'string')
      .map((e) => e.replace(/^\./, '').toLowerCase()),
  };
}

export function parseMe(value: unknown): Me {
  const o = asObject(value, 'profile (/v1/me)');
  const caller = asObject(o['caller'], 'profile (caller)');
  const authority = typeof o['authority'] === 'object' && o['authority'] !== null ? (o['authority'] as JsonObject) : undefined;
  return {
    caller: {
      id: str(caller, 'id', 'profile (caller)'),
      name: optStr(caller, 'name') ?? '',
      groups: asArray(caller['groups'] ?? [], 'profile (groups)').filter((g): g is string => typeof g === 'string'),
    },
    ...(authority ? { authority: { cvr: optStr(authority, 'cvr') ?? '', name: optStr(authority, 'name') ?? '' } } : {}),
    senderSystems: asArray(o['senderSystems'], 'sender systems').map(senderSystem),
    ...(o['limits'] === undefined ? {} : { limits: limits(o['limits']) }),
  };
}

/**
 * `reachability` is required from the gateway version with the API additions on. An older
 * gateway only says `digitalPost`; it is read as digital or unreachable (never guessed as
 * physical post), so such a gateway can still be used for digital recipients.
 */
function reachabilityOf(o: JsonObject): Reachability {
  if (o['reachability'] === undefined && typeof o['digitalPost'] === 'boolean') return o['digitalPost'] ? 'digital' : 'unreachable';
  return oneOf(o, 'reachability', REACHABILITY, 'lookup result');
}

export function parseLookup(value: unknown): LookupResult {
  const o = asObject(value, 'lookup result');
  const name = optStr(o, 'name');
  const unit = optStr(o, 'productionUnitName');
  const reason = optStr(o, 'reason');
  return {
    reachability: reachabilityOf(o),
    ...(name === undefined ? {} : { name }),
    ...(unit === undefined ? {} : { productionUnitName: unit }),
    ...(reason === undefined ? {} : { reason }),
    ...(typeof o['nemSms'] === 'boolean' ? { nemSms: o['nemSms'] } : {}),
  };
}

function productionUnit(value: unknown): ProductionUnit {
  const o = asObject(value, 'production unit');
  const address = optStr(o, 'address');
  return { pNumber: str(o, 'pNumber', 'production unit'), name: str(o, 'name', 'production unit'), ...(address ? { address } : {}) };
}

export function parseCompany(value: unknown): Company {
  const o = asObject(value, 'company');
  return {
    cvr: str(o, 'cvr', 'company'),
    name: str(o, 'name', 'company'),
    productionUnits: asArray(o['productionUnits'] ?? [], 'production units').map(productionUnit),
  };
}

export function parseCompanies(value: unknown): readonly Company[] {
  const o = asObject(value, 'company search result');
  return asArray(o['companies'], 'company list').map(parseCompany);
}

export function parseLetter(value: unknown): Letter {
  const o = asObject(value, 'letter');
  const ch = o['channel'];
  const channel = ch === 'digital' || ch === 'physical' || ch === 'nemsms' ? ch : null;
  const reach = o['reachability'];
  const opt = (key: 'senderSystem' | 'title' | 'caseId' | 'contactPointId' | 'recipient' | 'lastError') => {
    const v = optStr(o, key);
    return v === undefined ? {} : { [key]: v };
  };
  return {
    id: str(o, 'id', 'letter'),
    state: oneOf(o, 'state', LETTER_STATES, 'letter'),
    channel,
    ...(reach === 'digital' || reach === 'physical' || reach === 'unreachable' ? { reachability: reach } : {}),
    ...(typeof o['replyEnabled'] === 'boolean' ? { replyEnabled: o['replyEnabled'] } : {}),
    ...opt('senderSystem'), ...opt('title'), ...opt('caseId'), ...opt('contactPointId'), ...opt('recipient'), ...opt('lastError'),
  };
}

function letterEvent(value: unknown): LetterEvent {
  const o = asObject(value, 'letter event');
  const state = o['state'];
  return {
    eventId: String(o['eventId'] ?? ''),
    kind: oneOf(o, 'kind', ['state', 'receipt', 'status', 'reply'], 'letter event'),
    ...(typeof state === 'string' && (LETTER_STATES as readonly string[]).includes(state) ? { state: state as LetterEvent['state'] & string } : {}),
    occurredAt: str(o, 'occurredAt', 'letter event'),
  };
}

export function parseLetterWithHistory(value: unknown): LetterWithHistory {
  const o = asObject(value, 'letter status');
  return { letter: parseLetter(o['letter']), history: asArray(o['history'] ?? [], 'letter history').map(letterEvent) };
}
