/**
 * The friendly input from which {@link createMemoMessage} builds a MeMo message: what a
 * sender system knows about a letter, in its own words. Defaults (v4 UUIDs, UTC timestamps,
 * MeMo 1.2, language `da`) are filled by the factory.
 * @module
 */
import type {
  ActionCode,
  Address,
  AttentionData,
  ContactInfo,
  MemoMessageType,
  MemoVersion,
  ReplyData,
} from './model.js';

/** Bytes in memory, a lazily read stream, or base64 text. */
export type FileContentInput =
  | Uint8Array
  | { readonly base64: string }
  | { readonly byteLength?: number; readonly open: () => AsyncIterable<Uint8Array> };

export interface FileInput {
  readonly filename: string;
  /** MIME type. Default: guessed from the filename's extension (`.pdf` → `application/pdf`). */
  readonly encodingFormat?: string;
  /** Default `da`. */
  readonly language?: string;
  readonly content: FileContentInput;
}

export interface ActionInput {
  readonly label: string;
  readonly actionCode: ActionCode;
  readonly startDateTime?: Date | string;
  readonly endDateTime?: Date | string;
  /** For every action code but AFTALE: an absolute `https://` URL. */
  readonly url?: string;
  /** For AFTALE: the calendar entry. `reservationUUID` defaults to a new v4 UUID. */
  readonly reservation?: {
    readonly description: string;
    readonly reservationUUID?: string;
    readonly abstract: string;
    readonly location: string;
    readonly startDateTime: Date | string;
    readonly endDateTime: Date | string;
    readonly organizerMail?: string;
    readonly organizerName?: string;
  };
}

export interface DocumentInput {
  /** Becomes `mainDocumentID` / `additionalDocumentID` / `technicalDocumentID`. */
  readonly id?: string;
  readonly label?: string;
  /** One or more files (a document with several renditions). */
  readonly files: readonly FileInput[];
  readonly actions?: readonly ActionInput[];
}

export type RecipientInput =
  | { readonly type: 'cpr'; readonly cpr: string; readonly name?: string }
  | {
      readonly type: 'cvr';
      readonly cvr: string;
      /** Company name, shown as the recipient label. */
      readonly name?: string;
      /** Address the letter to one production unit (Recipient/AttentionData/ProductionUnit). */
      readonly pNumber?: string;
      readonly productionUnitName?: string;
      /** A person at the company (AttentionData/AttentionPerson). */
      readonly attentionPerson?: string;
    };

export interface ContactPointInput {
  /** The UUID of the authority's NgDP contact point that receives replies. */
  readonly id: string;
  readonly label?: string;
  readonly contactGroup?: string;
  /** At most 2 label/value pairs shown to the recipient. */
  readonly info?: readonly ContactInfo[];
}

export interface SenderInput {
  /** The authority's CVR number (or a CPR number with `idType: 'CPR'`). */
  readonly id: string;
  /** Default `CVR`. */
  readonly idType?: 'CVR' | 'CPR';
  /** The name the recipient sees, e.g. "Aarhus Kommune, Borgerservice". */
  readonly label: string;
  readonly contactPoint?: ContactPointInput;
  readonly attention?: AttentionData;
  /** MeMo 1.2 only. */
  readonly representative?: { readonly id?: string; readonly idType?: string; readonly label?: string };
}

export interface ReplyInput {
  /** `MessageHeader/reply`: the recipient may answer ("besvarbar"). */
  readonly enabled: boolean;
  /** Reply-by date (`replyByDateTime`, written in UTC). */
  readonly replyBy?: Date | string;
  /** Contact point that receives the answer; overrides `sender.contactPoint`. */
  readonly contactPoint?: ContactPointInput;
}

export interface MetadataInput {
  readonly caseId?: { readonly id: string; readonly system: string };
  readonly kle?: { readonly subjectKey: string; readonly version?: string; readonly activityFacet?: string; readonly label: string };
  readonly form?: { readonly taskKey: string; readonly version?: string; readonly activityFacet?: string; readonly label: string };
  readonly cpr?: { readonly cprNumber: string; readonly name?: string };
  readonly cvr?: { readonly cvrNumber: string; readonly companyName?: string };
  readonly productionUnit?: { readonly pNumber: string; readonly name?: string };
  readonly motorVehicle?: { readonly licenseNumber: string; readonly chassisNumber?: string };
  readonly propertyNumber?: string;
  readonly education?: { readonly educationCode: string; readonly educationName?: string };
  readonly address?: Address;
  readonly unstructuredAddress?: string;
  /** At most 10. */
  readonly additional?: readonly { readonly type?: string; readonly name: string; readonly value: string }[];
}

export interface LetterInput {
  /** Default `1.2`. */
  readonly memoVersion?: MemoVersion;
  /** Default `DIGITALPOST`. NemSMS letters have no documents. */
  readonly messageType?: MemoMessageType;
  /** Default: a new v4 UUID. Supply one (e.g. derived from the case document) for idempotent re-sends. */
  readonly messageUUID?: string;
  readonly messageID?: string;
  readonly messageCode?: string;
  /** The title the recipient sees (`MessageHeader/label`). */
  readonly title: string;
  /** Notification text; for NemSMS the SMS body (≤ 150 characters). */
  readonly notification?: string;
  readonly additionalNotification?: string;
  readonly mandatory?: boolean;
  readonly legalNotification?: boolean;
  readonly postType?: 'MYNDIGHEDSPOST' | 'VIRKSOMHEDSPOST' | (string & {});
  /** `YYYY-MM-DD` or a Date (its UTC date). */
  readonly doNotDeliverUntil?: Date | string;
  readonly sender: SenderInput;
  readonly recipient: RecipientInput;
  readonly reply?: ReplyInput;
  readonly metadata?: MetadataInput;
  /** Links to earlier messages in a conversation. */
  readonly replyData?: readonly ReplyData[];
  /** The letter itself. Required for DIGITALPOST. */
  readonly mainDocument?: DocumentInput;
  readonly attachments?: readonly DocumentInput[];
  readonly technicalDocuments?: readonly DocumentInput[];
  /** Default: now. */
  readonly createdDateTime?: Date | string;
}
