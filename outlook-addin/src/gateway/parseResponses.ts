/**
 * Turns gateway JSON into the typed shapes of `types.ts`, rejecting what does not fit.
 * @module
 */
import { asArray, asObject, oneOf, optNum, optStr, str } from './readShape.js';
import type { JsonObject } from './readShape.js';
import type {
  CompanyDetails, CompanySummary, ContactPoint, LetterLimits, LetterStatus, LookupResult, Me,
  PostalAddress, ProductionUnit, RequiredMetadata, SenderSystem,
} from './types.js';

function address(value: unknown): PostalAddress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as JsonObject;
  return {
    street: optStr(o, 'street') ?? '', houseNumber: optStr(o, 'houseNumber') ?? '',
    zipCode: optStr(o, 'zipCode') ?? '', city: optStr(o, 'city') ?? '',
  };
}

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
  return {
    id: str(o, 'id', 'sender system'),
    senderLabel: optStr(o, 'senderLabel') ?? str(o, 'id', 'sender system'),
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

function limits(value: unknown): Partial<LetterLimits> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as JsonObject;
  const ext = Array.isArray(o['allowedExtensions'])
    ? o['allowedExtensions'].filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase())
    : undefined;
  const out: { -readonly [K in keyof LetterLimits]?: LetterLimits[K] } = {};
  const maxAttachments = optNum(o, 'maxAttachments');
  const maxFileBytes = optNum(o, 'maxFileBytes');
  const maxTotalBytes = optNum(o, 'maxTotalBytes');
  if (maxAttachments !== undefined) out.maxAttachments = maxAttachments;
  if (maxFileBytes !== undefined) out.maxFileBytes = maxFileBytes;
  if (maxTotalBytes !== undefined) out.maxTotalBytes = maxTotalBytes;
  if (ext) out.allowedExtensions = ext;
  return out;
}

export function parseMe(value: unknown): Me {
  const o = asObject(value, 'profile (/v1/me)');
  const lim = limits(o['limits']);
  const email = optStr(o, 'email');
  return {
    name: optStr(o, 'name') ?? '',
    ...(email === undefined ? {} : { email }),
    senderSystems: asArray(o['senderSystems'], 'sender systems').map(senderSystem),
    ...(lim === undefined ? {} : { limits: lim }),
  };
}

export function parseLookup(value: unknown): LookupResult {
  const o = asObject(value, 'lookup result');
  const name = optStr(o, 'name');
  const unit = optStr(o, 'productionUnitName');
  const reason = optStr(o, 'reason');
  return {
    reachability: oneOf(o, 'reachability', ['digital', 'physical', 'unreachable'], 'lookup result'),
    ...(name === undefined ? {} : { name }),
    ...(unit === undefined ? {} : { productionUnitName: unit }),
    ...(reason === undefined ? {} : { reason }),
  };
}

function companySummary(value: unknown): CompanySummary {
  const o = asObject(value, 'company');
  const addr = address(o['address']);
  return { cvr: str(o, 'cvr', 'company'), name: str(o, 'name', 'company'), ...(addr ? { address: addr } : {}) };
}

function productionUnit(value: unknown): ProductionUnit {
  const o = asObject(value, 'production unit');
  const addr = address(o['address']);
  return { pNumber: str(o, 'pNumber', 'production unit'), name: str(o, 'name', 'production unit'), ...(addr ? { address: addr } : {}) };
}

export function parseCompanies(value: unknown): readonly CompanySummary[] {
  const o = asObject(value, 'company search result');
  return asArray(o['companies'], 'company list').map(companySummary);
}

export function parseCompany(value: unknown): CompanyDetails {
  const o = asObject(value, 'company');
  return { ...companySummary(o), productionUnits: asArray(o['productionUnits'] ?? [], 'production units').map(productionUnit) };
}

export function parseLetterStatus(value: unknown): LetterStatus {
  const o = asObject(value, 'letter status');
  const channel = o['channel'] === 'digital' || o['channel'] === 'physical' ? o['channel'] : undefined;
  const error = optStr(o, 'error');
  return {
    id: str(o, 'id', 'letter status'),
    status: oneOf(o, 'status', ['accepted', 'sending', 'sent', 'delivered', 'failed'], 'letter status'),
    ...(channel ? { channel } : {}),
    ...(error === undefined ? {} : { error }),
  };
}
