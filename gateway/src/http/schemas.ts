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

const kleKey = { type: 'string', pattern: '^\\d{2}(\\.\\d{2}){0,2}$' } as const;

export const PostalAddress: Schema = {
  type: 'object', required: ['name', 'street', 'postCode', 'city'],
  description: 'Where physical post goes. street = the street line, e.g. "Møllevej 8" or "Kastanjealle 3, 2. th".',
  properties: { name: { type: 'string', minLength: 1, maxLength: 130 }, street: { type: 'string', minLength: 1, maxLength: 100 }, postCode: { type: 'string', pattern: '^[0-9A-Za-z -]{3,10}$' }, city: { type: 'string', minLength: 1, maxLength: 100 }, country: { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166 alpha-2; default DK.' } },
};

/**
 * No `additionalProperties: false`: extra fields reach the sender system's plugin (`toLetter`),
 * so a custom plugin can take its own fields (e.g. a `doc2mail` block) next to these.
 */
export const LetterRequest: Schema = {
  type: 'object',
  required: ['senderSystem', 'recipient', 'title'],
  anyOf: [{ required: ['body'] }, { required: ['files'], properties: { files: { type: 'array', minItems: 1 } } }],
  description: 'Without body, files[0] is the letter; with body, the body is rendered as the letter (PDF) and files are attachments. Unknown fields are passed to the sender system\'s plugin.',
  properties: {
    senderSystem: { ...str, description: 'Sender system id (see GET /v1/me).' },
    recipient: Recipient,
    title: { type: 'string', minLength: 1, maxLength: 256 },
    notification: { type: 'string', maxLength: 150 },
    caseId: { type: 'string', maxLength: 256 },
    kle: { oneOf: [{ ...kleKey, description: 'KLE subject key; the label is then the key.' }, { type: 'object', required: ['subjectKey', 'label'], properties: { subjectKey: str, label: str, version: { ...str, description: 'KLE edition; default the config\'s kleVersion.' } } }] },
    reply: {
      type: 'object', description: 'Honoured only under the caseworker-choice policy.',
      properties: { enabled: { type: 'boolean' }, replyBy: isoTime, offReason: { type: 'string', maxLength: 500, description: 'Why the caseworker switched a default-on reply off (audit trail, replyability report).' } },
    },
    contactPointId: uuid,
    body: { type: 'object', required: ['html'], properties: { html: { type: 'string', maxLength: 5_000_000 } }, description: 'The mail body; rendered (sanitised) as a PDF letter with letterhead = the main document.' },
    inlineImages: {
      type: 'array', maxItems: 50, description: 'Images referenced as cid:<contentId> in body.html (PNG or JPEG).',
      items: { type: 'object', required: ['contentId', 'base64'], properties: { contentId: str, filename: str, contentType: str, base64: { type: 'string', contentEncoding: 'base64' } } },
    },
    physicalAddress: PostalAddress,
    files: {
      type: 'array', minItems: 0, maxItems: 11, description: 'Without body: first file = the letter, the rest attachments (at least one file). With body: all attachments (may be empty). In multipart requests, send files as parts instead.',
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
export const Reachability = { type: 'string', enum: ['digital', 'physical', 'unreachable'] } as const;

export const Letter: Schema = {
  type: 'object',
  required: ['id', 'senderSystem', 'state', 'acceptedAt', 'replyEnabled'],
  properties: {
    id: { ...uuid, description: 'The letter id = the MeMo messageUUID.' },
    senderSystem: str, caseworker: str, recipient: { ...str, description: 'Masked, e.g. cpr:010190-****.' },
    title: str, caseId: str, contactPointId: uuid, replyEnabled: { type: 'boolean' }, replyBy: isoTime,
    state: LetterState, attempts: { type: 'integer' }, transmissionId: str, lastError: str,
    acceptedAt: isoTime, sentAt: isoTime, finalAt: isoTime,
    channel: { type: ['string', 'null'], enum: ['digital', 'physical', 'nemsms', null], description: 'Where the letter went; null until the route accepted it.' },
    reachability: { type: ['string', 'null'], enum: ['digital', 'physical', 'unreachable', null], description: 'What the gateway knew at intake; null when the lookup could not be made then.' },
    replyOffReason: { ...str, description: 'Why the caseworker switched a default-on reply off.' },
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
  type: 'object', required: ['digitalPost', 'reachability'],
  properties: {
    reachability: { ...Reachability, description: 'digital: Digital Post; physical: no Digital Post, but an address is known and your sender system may send physical post; unreachable: neither.' },
    digitalPost: { type: 'boolean' }, nemSms: { type: 'boolean' },
    name: { ...str, description: "The citizen's or company's name, when the register knows it." },
    productionUnitName: { ...str, description: 'For a CVR + P-number: the production unit.' },
    reason: { ...str, description: 'Plain code when not digital: exempt, closed, unknown, not-registered, no-print-route.' },
  },
};

export const Company: Schema = {
  type: 'object', required: ['cvr', 'name', 'productionUnits'],
  properties: { cvr: str, name: str, productionUnits: { type: 'array', items: { type: 'object', properties: { pNumber: str, name: str, address: str } } } },
};

export const Me: Schema = {
  type: 'object',
  properties: {
    caller: { type: 'object', properties: { id: str, name: str, groups: { type: 'array', items: str }, kind: { type: 'string', enum: ['user', 'app'] }, roles: { type: 'array', items: str }, appId: str } },
    authority: { type: 'object', properties: { cvr: str, name: str } },
    limits: {
      type: 'object', required: ['maxAttachments', 'maxFileBytes', 'maxTotalBytes', 'allowedExtensions'],
      properties: { maxAttachments: { type: 'integer' }, maxFileBytes: { type: 'integer' }, maxTotalBytes: { type: 'integer' }, allowedExtensions: { type: 'array', items: str } },
    },
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
        properties: {
          senderSystem: str, lettersSent: { type: 'integer' }, replyEnabled: { type: 'integer' }, replyEnabledShare: { type: 'number' }, repliesReceived: { type: 'integer' }, medianHoursToReply: { type: 'number' },
          replyTurnedOff: { type: 'integer', description: 'Letters where the caseworker switched a default-on reply off.' },
          replyOffReasons: { type: 'array', items: { type: 'object', properties: { reason: str, count: { type: 'integer' } } } },
          physical: { type: 'integer', description: 'Letters sent as physical post.' },
        },
      },
    },
  },
};
