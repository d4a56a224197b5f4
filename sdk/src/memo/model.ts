/**
 * The typed MeMo model (MeMo 1.1 and 1.2). Property keys are the MeMo XSD element names,
 * spelled exactly as the XSD spells them; repeated elements are arrays under the element's
 * (singular) name. Element order is the XSD's and is implicit: the writer emits it.
 *
 * Values keep their lexical form where the XSD type is wider than JavaScript's (P-numbers
 * and GLNs are digit strings, dates and datetimes are ISO strings), so that
 * `write(parse(x))` keeps every value of `x`.
 * @module
 */

export type MemoVersion = '1.1' | '1.2';
export type MemoMessageType = 'DIGITALPOST' | 'NEMSMS';

/** Namespace URIs of MeMo and the vocabularies it imports. */
export const MEMO_NAMESPACES = {
  memo: 'https://DigitalPost.dk/MeMo-1',
  grd: 'https://data.gov.dk/model/core/',
  dt: 'https://data.gov.dk/model/dataTypes/',
  kle: 'http://kle-online.dk/',
  form: 'http://www.form-online.dk/',
  dmv: 'https://motorregister.skat.dk/',
  gln: 'https://www.gs1.dk/gs1-standarder/identifikation/gln-global-location-number/',
  sor: 'https://services.nsi.dk/en/Services/SOR',
  udd: 'https://www.dst.dk/da/TilSalg/Forskningsservice/Dokumentation/hoejkvalitetsvariable/elevregister-2/udd#',
} as const;
export type MemoNamespacePrefix = keyof typeof MEMO_NAMESPACES;

/**
 * Binary content of a `File`.
 * - `bytes`: in memory.
 * - `base64`: the lexical base64 text, as read from XML (not decoded, so a large attachment
 *   is held once; validation checks it).
 * - `stream`: read lazily when written, so a 100 MB attachment never sits in memory whole.
 *   `open` may be called more than once (once per write).
 */
export type BinaryContent =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'base64'; readonly base64: string }
  | {
      readonly kind: 'stream';
      /** Size in bytes when known: used for size checks before sending. */
      readonly byteLength?: number;
      readonly open: () => AsyncIterable<Uint8Array>;
    };

export interface MemoMessage {
  /** `memoVersion` attribute. */
  readonly memoVersion: MemoVersion;
  /** `memoSchVersion` attribute: required in 1.1 (`1.1.0`), removed in 1.2. */
  readonly memoSchVersion?: string;
  readonly MessageHeader: MessageHeader;
  /** Absent for NemSMS. */
  readonly MessageBody?: MessageBody;
}

export interface MessageHeader {
  readonly messageType: MemoMessageType;
  readonly messageUUID: string;
  readonly messageID?: string;
  readonly messageCode?: string;
  readonly label: string;
  readonly notification?: string;
  readonly additionalNotification?: string;
  readonly reply?: boolean;
  /** UTC datetime with a literal `Z`. */
  readonly replyByDateTime?: string;
  /** `YYYY-MM-DD`. */
  readonly doNotDeliverUntilDate?: string;
  /** Required in 1.1, optional in 1.2. */
  readonly mandatory?: boolean;
  /** Required in 1.1, optional in 1.2. */
  readonly legalNotification?: boolean;
  readonly postType?: string;
  readonly Sender: Sender;
  readonly Recipient: Recipient;
  readonly ContentData?: ContentData;
  readonly ForwardData?: ForwardData;
  readonly ReplyData?: readonly ReplyData[];
}

export interface Sender {
  readonly senderID: string;
  readonly idType: string;
  readonly idTypeLabel?: string;
  readonly label: string;
  readonly AttentionData?: AttentionData;
  readonly ContactPoint?: ContactPoint;
  /** MeMo 1.2 only. */
  readonly Representative?: Representative;
}

export interface Recipient {
  readonly recipientID: string;
  readonly idType: string;
  readonly idTypeLabel?: string;
  readonly label?: string;
  readonly AttentionData?: AttentionData;
  readonly ContactPoint?: ContactPoint;
}

export interface Representative {
  readonly representativeID?: string;
  readonly idType?: string;
  readonly idTypeLabel?: string;
  readonly label?: string;
}

export interface AttentionData {
  readonly AttentionPerson?: AttentionPerson;
  /** grd */
  readonly ProductionUnit?: ProductionUnit;
  /** gln */
  readonly GlobalLocationNumber?: GlobalLocationNumber;
  readonly EMail?: EMail;
  /** grd */
  readonly SEnumber?: SEnumber;
  readonly Telephone?: Telephone;
  /** grd */
  readonly EID?: EID;
  readonly ContentResponsible?: ContentResponsible;
  readonly GeneratingSystem?: GeneratingSystem;
  /** sor */
  readonly SORdata?: SORdata;
  /** grd */
  readonly Address?: Address;
  /** grd */
  readonly UnstructuredAddress?: UnstructuredAddress;
}

export interface AttentionPerson {
  readonly personID?: string;
  readonly label?: string;
}
/** grd:ProductionUnit. `productionUnitNumber` is the 10-digit P-number as digits. */
export interface ProductionUnit {
  readonly productionUnitNumber: string;
  readonly productionUnitName?: string;
}
/** gln:GlobalLocationNumber. `globalLocationNumber` is the 13-digit GLN as digits. */
export interface GlobalLocationNumber {
  readonly globalLocationNumber: string;
  readonly location?: string;
}
export interface EMail {
  readonly emailAddress: string;
  readonly relatedAgent?: string;
}
export interface SEnumber {
  readonly seNumber: string;
  readonly companyName?: string;
}
export interface Telephone {
  readonly telephoneNumber: string;
  readonly relatedAgent?: string;
}
export interface EID {
  readonly eID: string;
  readonly label?: string;
}
export interface ContentResponsible {
  readonly contentResponsibleID?: string;
  readonly label?: string;
}
export interface GeneratingSystem {
  readonly generatingSystemID: string;
  readonly label?: string;
}
export interface SORdata {
  readonly sorIdentifier: string;
  readonly entryName?: string;
}
export interface Address {
  readonly id?: string;
  readonly addressLabel?: string;
  readonly houseNumber?: string;
  readonly door?: string;
  readonly floor?: string;
  readonly co?: string;
  readonly zipCode?: string;
  readonly city?: string;
  readonly country?: string;
  readonly AddressPoint?: AddressPoint;
}
export interface AddressPoint {
  readonly geographicEastingMeasure?: string;
  readonly geographicNorthingMeasure?: string;
  readonly geographicHeightMeasure?: string;
}
export interface UnstructuredAddress {
  readonly unstructured: string;
}

export interface ContactPoint {
  readonly contactGroup?: string;
  readonly contactPointID: string;
  readonly label?: string;
  /** At most 2. */
  readonly ContactInfo?: readonly ContactInfo[];
}
export interface ContactInfo {
  readonly label: string;
  readonly value: string;
}

export interface ContentData {
  readonly CPRdata?: CPRdata;
  readonly CVRdata?: CVRdata;
  readonly MotorVehicle?: MotorVehicle;
  readonly PropertyNumber?: PropertyNumber;
  readonly CaseID?: CaseID;
  readonly KLEdata?: KLEdata;
  readonly FORMdata?: FORMdata;
  readonly ProductionUnit?: ProductionUnit;
  readonly Education?: Education;
  readonly Address?: Address;
  readonly UnstructuredAddress?: UnstructuredAddress;
  /** At most 10. */
  readonly AdditionalContentData?: readonly AdditionalContentData[];
}
export interface CPRdata {
  readonly cprNumber: string;
  readonly name?: string;
}
export interface CVRdata {
  readonly cvrNumber: string;
  readonly companyName?: string;
}
/** dmv:MotorVehicle */
export interface MotorVehicle {
  readonly licenseNumber: string;
  readonly chassisNumber?: string;
}
export interface PropertyNumber {
  readonly propertyNumber: string;
}
export interface CaseID {
  readonly caseID: string;
  readonly caseSystem: string;
}
/** kle:KLEdata */
export interface KLEdata {
  readonly subjectKey: string;
  readonly version: string;
  readonly activityFacet?: string;
  readonly label: string;
}
/** form:FORMdata */
export interface FORMdata {
  readonly taskKey: string;
  readonly version: string;
  readonly activityFacet?: string;
  readonly label: string;
}
/** udd:Education */
export interface Education {
  readonly educationCode: string;
  readonly educationName?: string;
}
export interface AdditionalContentData {
  readonly contentDataType?: string;
  readonly contentDataName: string;
  readonly contentDataValue: string;
}

export interface ForwardData {
  readonly messageUUID: string;
  readonly originalMessageDateTime: string;
  readonly originalSender: string;
  readonly originalContentResponsible?: string;
  /** MeMo 1.2 only. */
  readonly originalRepresentative?: string;
  readonly contactPointID?: string;
  readonly comment?: string;
}

export interface ReplyData {
  readonly messageID?: string;
  readonly messageUUID: string;
  readonly replyUUID?: string;
  readonly senderID?: string;
  readonly recipientID?: string;
  readonly caseID?: string;
  readonly contactPointID?: string;
  readonly generatingSystemID?: string;
  readonly comment?: string;
  /** At most 4. */
  readonly AdditionalReplyData?: readonly AdditionalReplyData[];
}
export interface AdditionalReplyData {
  readonly label: string;
  readonly value: string;
}

export interface MessageBody {
  readonly createdDateTime: string;
  readonly MainDocument: MainDocument;
  readonly AdditionalDocument?: readonly AdditionalDocument[];
  readonly TechnicalDocument?: readonly TechnicalDocument[];
}
export interface MainDocument {
  readonly mainDocumentID?: string;
  readonly label?: string;
  /** One or more. */
  readonly File: readonly MemoFile[];
  readonly Action?: readonly Action[];
}
export interface AdditionalDocument {
  readonly additionalDocumentID?: string;
  readonly label?: string;
  readonly File: readonly MemoFile[];
  readonly Action?: readonly Action[];
}
export interface TechnicalDocument {
  readonly technicalDocumentID?: string;
  readonly label?: string;
  readonly File: readonly MemoFile[];
}
/** The MeMo `File` element (named MemoFile in TypeScript to avoid the DOM's `File`). */
export interface MemoFile {
  /** MIME type, e.g. `application/pdf`. */
  readonly encodingFormat: string;
  readonly filename: string;
  /** Two-letter language code, e.g. `da`. */
  readonly language: string;
  readonly content: BinaryContent;
}

export type ActionCode =
  | 'AFTALE'
  | 'BEKRAEFT'
  | 'BETALING'
  | 'FORBEREDELSE'
  | 'INFORMATION'
  | 'SELVBETJENING'
  | 'TILMELDING'
  | 'UNDERSKRIV';

export interface Action {
  readonly label: string;
  /** One of {@link ActionCode}; kept as string so unknown codes from parsed input survive. */
  readonly actionCode: string;
  readonly startDateTime?: string;
  readonly endDateTime?: string;
  /** At most one of Reservation and EntryPoint. */
  readonly Reservation?: Reservation;
  readonly EntryPoint?: EntryPoint;
}
export interface Reservation {
  readonly description: string;
  readonly reservationUUID: string;
  readonly abstract: string;
  readonly location: string;
  readonly startDateTime: string;
  readonly endDateTime: string;
  readonly organizerMail?: string;
  readonly organizerName?: string;
}
export interface EntryPoint {
  readonly url: string;
}
