/**
 * JSON shapes of the Postbud gateway's HTTP API as the add-in uses them.
 * Written from issue 6 before the gateway's OpenAPI document existed; kept in one place so
 * aligning with the gateway is a one-file change.
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
  /** The sender name recipients see. */
  readonly senderLabel: string;
  /** The first is the default. */
  readonly contactPoints: readonly ContactPoint[];
  readonly reply: ReplyPolicy;
  readonly channel: 'auto' | 'digital-only';
  readonly requiredMetadata: readonly RequiredMetadata[];
}

/** Limits the gateway enforces on a letter; the add-in checks them before sending. */
export interface LetterLimits {
  readonly maxAttachments: number;
  /** @unit bytes */
  readonly maxFileBytes: number;
  /** @unit bytes */
  readonly maxTotalBytes: number;
  /** Lower-case file extensions without the dot. */
  readonly allowedExtensions: readonly string[];
}

export interface Me {
  readonly name: string;
  readonly email?: string;
  readonly senderSystems: readonly SenderSystem[];
  readonly limits?: Partial<LetterLimits>;
}

export type RecipientId =
  | { readonly kind: 'cpr'; readonly cpr: string }
  | { readonly kind: 'cvr'; readonly cvr: string; readonly pNumber?: string };

/**
 * `digital`: can receive Digital Post; `physical`: exempt, the letter goes as physical post
 * (fjernprint); `unreachable`: neither is possible.
 */
export type Reachability = 'digital' | 'physical' | 'unreachable';

export interface LookupResult {
  readonly reachability: Reachability;
  /** Name to confirm the right recipient (citizen's or company's name). */
  readonly name?: string;
  /** Production unit name when a P-number was given. */
  readonly productionUnitName?: string;
  /** Why the recipient is exempt or unreachable, in words. */
  readonly reason?: string;
}

export interface PostalAddress {
  readonly street: string;
  readonly houseNumber: string;
  readonly zipCode: string;
  readonly city: string;
}

export interface CompanySummary {
  readonly cvr: string;
  readonly name: string;
  readonly address?: PostalAddress;
}

export interface ProductionUnit {
  readonly pNumber: string;
  readonly name: string;
  readonly address?: PostalAddress;
}

export interface CompanyDetails extends CompanySummary {
  readonly productionUnits: readonly ProductionUnit[];
}

export interface LetterDocument {
  readonly filename: string;
  readonly contentType: string;
  readonly base64: string;
  /** Inline image referenced from the body as `cid:<contentId>`. */
  readonly contentId?: string;
}

export interface LetterRequest {
  readonly senderSystemId: string;
  readonly contactPointId: string;
  readonly recipient: RecipientId;
  readonly title: string;
  readonly caseId?: string;
  readonly kle?: string;
  readonly reply: { readonly allowed: boolean; readonly replyBy?: string };
  /** The mail body (HTML); the gateway renders it as the main document (PDF letter). */
  readonly body: { readonly html: string };
  readonly attachments: readonly LetterDocument[];
  readonly inlineImages: readonly LetterDocument[];
}

export type LetterStatusKind = 'accepted' | 'sending' | 'sent' | 'delivered' | 'failed';
export type LetterChannel = 'digital' | 'physical';

export interface LetterStatus {
  readonly id: string;
  readonly status: LetterStatusKind;
  readonly channel?: LetterChannel;
  /** Why it failed, in words. */
  readonly error?: string;
}

export interface LetterAccepted {
  readonly id: string;
}
