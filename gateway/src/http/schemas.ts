/**
 * JSON Schemas of the HTTP API's bodies: used by Fastify to validate requests and by the
 * OpenAPI document (`/openapi.json`), so the two cannot drift apart.
 * @module
 */
type Schema = Readonly<Record<string, unknown>>;

const str = { type: 'string' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const isoTime = { type: 'string', format: 'date-time' } as const;

export const ErrorBody: Schema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: str, message: str, details: { type: 'object' } } } },
};

export const Recipient: Schema = {
  oneOf: [
    { type: 'object', required: ['type', 'cpr'], properties: { type: { const: 'cpr' }, cpr: { type: 'string', pattern: '^\\d{6}-?\\d{4}$' }, name: str } },
    { type: 'object', required: ['type', 'cvr'], properties: { type: { const: 'cvr' }, cvr: { type: 'string', pattern: '^\\d{8}$' }, pNumber: { type: 'string', pattern: '^\\d{10}$' }, name: str } },
  ],
};

export const LetterRequest: Schema = {
  type: 'object',
  required: ['senderSystem', 'recipient', 'title', 'files'],
  properties: {
    senderSystem: { ...str, description: 'Sender system id (see GET /v1/me).' },
    recipient: Recipient,
    title: { type: 'string', minLength: 1, maxLength: 256 },
    notification: { type: 'string', maxLength: 150 },
    caseId: { type: 'string', maxLength: 256 },
    kle: { type: 'object', required: ['subjectKey', 'label'], properties: { subjectKey: str, label: str } },
    reply: { type: 'object', properties: { enabled: { type: 'boolean' }, replyBy: isoTime }, description: 'Honoured only under the caseworker-choice policy.' },
    contactPointId: uuid,
    files: {
      type: 'array', minItems: 1, maxItems: 11, description: 'First file = the letter; the rest are attachments. In multipart requests, send files as parts instead.',
      items: { type: 'object', required: ['filename', 'base64'], properties: { filename: str, contentType: str, base64: { type: 'string', contentEncoding: 'base64' } } },
    },
  },
};

export const LetterRequestMultipart: Schema = {
  type: 'object',
  required: ['letter'],
  properties: {
    letter: { type: 'string', description: 'The LetterRequest as JSON, without files (or with files: []).' },
    file: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'One part per file; the first is the letter.' },
  },
};

export const LetterState = { type: 'string', enum: ['accepted', 'sending', 'sent', 'delivered', 'failed', 'rejected'] } as const;

export const Letter: Schema = {
  type: 'object',
  required: ['id', 'senderSystem', 'state', 'acceptedAt', 'replyEnabled'],
  properties: {
    id: { ...uuid, description: 'The letter id = the MeMo messageUUID.' },
    senderSystem: str, caseworker: str, recipient: { ...str, description: 'Masked, e.g. cpr:010190-****.' },
    title: str, caseId: str, contactPointId: uuid, replyEnabled: { type: 'boolean' }, replyBy: isoTime,
    state: LetterState, attempts: { type: 'integer' }, transmissionId: str, lastError: str,
    acceptedAt: isoTime, sentAt: isoTime, finalAt: isoTime,
  },
};

export const LetterEvent: Schema = {
  type: 'object',
  required: ['eventId', 'kind', 'occurredAt'],
  properties: { eventId: str, kind: { type: 'string', enum: ['state', 'receipt', 'status', 'reply'] }, state: LetterState, occurredAt: isoTime, detail: { type: 'object' } },
};

export const LetterWithHistory: Schema = { type: 'object', properties: { letter: Letter, history: { type: 'array', items: LetterEvent } } };

export const Reply: Schema = {
  type: 'object',
  required: ['replyId', 'replyMessageUUID', 'title', 'receivedAt'],
  properties: {
    replyId: str, replyMessageUUID: uuid, letterId: uuid, senderSystem: str, inReplyTo: uuid, caseId: str, contactPointId: uuid, title: str, receivedAt: isoTime,
    correlatedBy: { type: 'string', enum: ['messageUUID', 'caseId+contactPoint'] },
  },
};

export const LookupRequest: Schema = {
  type: 'object',
  properties: { cpr: { type: 'string', pattern: '^\\d{6}-?\\d{4}$' }, cvr: { type: 'string', pattern: '^\\d{8}$' }, pNumber: { type: 'string', pattern: '^\\d{10}$' } },
  oneOf: [{ required: ['cpr'] }, { required: ['cvr'] }],
};

export const LookupResponse: Schema = {
  type: 'object', required: ['digitalPost'], properties: { digitalPost: { type: 'boolean' }, nemSms: { type: 'boolean' }, reason: str },
};

export const Company: Schema = {
  type: 'object', required: ['cvr', 'name', 'productionUnits'],
  properties: { cvr: str, name: str, productionUnits: { type: 'array', items: { type: 'object', properties: { pNumber: str, name: str, address: str } } } },
};

export const Me: Schema = {
  type: 'object',
  properties: {
    caller: { type: 'object', properties: { id: str, name: str, groups: { type: 'array', items: str } } },
    authority: { type: 'object', properties: { cvr: str, name: str } },
    senderSystems: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: str, label: str, senderLabel: str, capabilities: { type: 'object', properties: { reply: { type: 'boolean' }, caseIds: { type: 'boolean' } } },
          reply: { type: 'object', properties: { policy: { type: 'string', enum: ['always', 'never', 'caseworker-choice'] }, defaultOn: { type: 'boolean' }, replyByDays: { type: 'integer' } } },
          channel: { type: 'string', enum: ['auto', 'digital-only'] }, requiredMetadata: { type: 'array', items: str },
          contactPoints: { type: 'array', items: { type: 'object', properties: { id: uuid, label: str } } },
        },
      },
    },
  },
};

export const ReplyabilityReport: Schema = {
  type: 'object',
  properties: {
    from: isoTime, to: isoTime,
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: { senderSystem: str, lettersSent: { type: 'integer' }, replyEnabled: { type: 'integer' }, replyEnabledShare: { type: 'number' }, repliesReceived: { type: 'integer' }, medianHoursToReply: { type: 'number' } },
      },
    },
  },
};
