/**
 * JSON shapes of the Postbud gateway's HTTP API v1 as the add-in uses them. They mirror
 * gateway/src/http/schemas.ts plus the agreed additions (body, inlineImages, kle as a string,
 * reply.offReason, lookup reachability, letter channel, /v1/me limits); field names are the
 * gateway's. Kept in one file so a change in the API is a one-file change here.
 * @module
 */

export type ReplyPolicyKind = 'always' | 'never' | 'caseworker-choice';
export type RequiredMetadata = 'caseId' | 'kle' | 'title';

export interface ContactPoint {
  readonly id: string;
  readonly label: string;
}

export interface ReplyPolicy {
  readonly policy: ReplyPolicyKind;
  /** For `caseworker-choice`: whether the reply option starts switched on. */
  readonly defaultOn: boolean;
  /** Default reply-by date in days after sending. @unit days */
  readonly replyByDays?: number;
}

export interface SenderSystem {
  readonly id: string;
  /** The plugin's label, e.g. "Outlook (Postbud add-in)". */
  readonly label: string;
  /** The sender name recipients see. */
  readonly senderLabel: string;
  /** The first is the default. */
  readonly contactPoints: readonly ContactPoint[];
  readonly reply: ReplyPolicy;
  readonly channel: 'auto' | 'digital-only';
  readonly requiredMetadata: readonly RequiredMetadata[];
}

/** Limits the gateway enforces on a letter (`/v1/me` `limits`); the add-in checks them before sending. */
export interface LetterLimits {
  readonly maxAttachments: number;
  /** @unit bytes */
  readonly maxFileBytes: number;
  /** @unit bytes */
  readonly maxTotalBytes: number;
  /** Lower-case file extensions without the dot. */
  readonly allowedExtensions: readonly string[];
}

export interface Caller {
  readonly id: string;
  readonly name: string;
  readonly groups: readonly string[];
}

/** `GET /v1/me`. */
export interface Me {
  readonly caller: Caller;
  readonly authority?: { readonly cvr: string; readonly name: string };
  readonly senderSystems: readonly SenderSystem[];
  /** Absent from gateways older than the API additions; the add-in then uses its defaults. */
  readonly limits?: LetterLimits;
}

/** A letter's recipient (`recipient` in `POST /v1/letters`). CPR as 10 digits or DDMMYY-NNNN. */
export type Recipient =
  | { readonly type: 'cpr'; readonly cpr: string; readonly name?: string }
  | { readonly type: 'cvr'; readonly cvr: string; readonly pNumber?: string; readonly name?: string };

/** `POST /v1/lookup` body: POST so that a CPR number never appears in a URL. */
export type LookupRequest =
  | { readonly cpr: string }
  | { readonly cvr: string; readonly pNumber?: string };

/**
 * `digital`: can receive Digital Post; `physical`: cannot, but the gateway knows a postal
 * address, so the letter goes as physical post (fjernprint); `unreachable`: neither.
 */
export type Reachability = 'digital' | 'physical' | 'unreachable';

/** `POST /v1/lookup` answer. */
export interface LookupResult {
  readonly reachability: Reachability;
  /** Name to confirm the right recipient (citizen's or company's name). */
  readonly name?: string;
  /** Production unit name when a P-number was given. */
  readonly productionUnitName?: string;
  /** Plain code: `exempt`, `closed`, `unknown`, `not-registered`, … */
  readonly reason?: string;
  readonly nemSms?: boolean;
}

export interface ProductionUnit {
  readonly pNumber: string;
  readonly name: string;
  /** One line, e.g. "Torvet 1, 8000 Solbjerg". */
  readonly address?: string;
}

/** `GET /v1/companies/{cvr}` and the items of `GET /v1/companies?q=`. */
export interface Company {
  readonly cvr: string;
  readonly name: string;
  readonly productionUnits: readonly ProductionUnit[];
}

/** A file of the letter (`files[]`): with `body`, every file is an attachment. */
export interface LetterFile {
  readonly filename: string;
  readonly contentType?: string;
  readonly base64: string;
}

/** An image the body refers to as `cid:<contentId>`, embedded in the rendered PDF. */
export interface InlineImage {
  readonly contentId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly base64: string;
}

export interface ReplyChoice {
  readonly enabled: boolean;
  /** ISO 8601 date-time. */
  readonly replyBy?: string;
  /** Why the caseworker turned reply off where the policy's default is on (audit trail). */
  readonly offReason?: string;
}

/** `POST /v1/letters` (JSON). */
export interface LetterRequest {
  /** Sender system id (see `/v1/me`). */
  readonly senderSystem: string;
  readonly recipient: Recipient;
  readonly title: string;
  readonly caseId?: string;
  /** KLE number `NN.NN.NN` (the gateway uses it as the label too). */
  readonly kle?: string;
  readonly reply: ReplyChoice;
  readonly contactPointId?: string;
  /** The mail body (HTML): the gateway renders it as the letter (PDF with letterhead). */
  readonly body: { readonly html: string };
  readonly files: readonly LetterFile[];
  readonly inlineImages: readonly InlineImage[];
}

export type LetterState = 'accepted' | 'sending' | 'sent' | 'delivered' | 'failed' | 'rejected';
export type LetterChannel = 'digital' | 'physical' | 'nemsms';

/** A letter as the gateway reports it (202 answer to a send, and `letter` of `GET /v1/letters/{id}`). */
export interface Letter {
  /** = the MeMo messageUUID. */
  readonly id: string;
  readonly state: LetterState;
  /** `null` until known. */
  readonly channel: LetterChannel | null;
  readonly reachability?: Reachability;
  readonly senderSystem?: string;
  readonly replyEnabled?: boolean;
  readonly title?: string;
  readonly caseId?: string;
  readonly contactPointId?: string;
  /** Masked, e.g. `cpr:010190-****`. */
  readonly recipient?: string;
  /** Why it failed, in the gateway's words. */
  readonly lastError?: string;
}

export interface LetterEvent {
  readonly eventId: string;
  readonly kind: 'state' | 'receipt' | 'status' | 'reply';
  readonly state?: LetterState;
  readonly occurredAt: string;
}

/** `GET /v1/letters/{id}`. */
export interface LetterWithHistory {
  readonly letter: Letter;
  readonly history: readonly LetterEvent[];
}
