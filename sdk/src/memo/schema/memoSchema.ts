/**
 * A declarative description of the MeMo XSD structure (1.1 and 1.2): the single source of
 * truth for the writer, the parser and the validator. Element names, order, namespaces and
 * cardinalities are those of the official XSDs (`MeMo_core.xsd` 1.1 and `Version1.2/MeMo_core.xsd`
 * plus the imported `MeMo_grd/kle/form/dmv/gln/sor/udd/dataTypes.xsd`).
 *
 * Model property keys (sdk/src/memo/model.ts) are the element local names, so a spec's `name`
 * is also the key under which its value sits in the model. Elements with `max > 1` are arrays.
 * @module
 */
import type { MemoNamespacePrefix, MemoVersion } from '../model.js';

/** Lexical kinds of simple (text-only) elements and attributes, after the XSD types. */
export type SimpleKind =
  | 'text' // dt:memoTextType, string ≤ 256
  | 'comment' // dt:memoCommentType, string ≤ 512
  | 'notification' // dt:memoNotificationType, string ≤ 160 (150 in digitaliser.dk's copy)
  | 'uuid' // dt:memoUuidType, UUID v4
  | 'dateTime' // dt:memoDateTimeType, xs:dateTime ending in Z
  | 'date' // xs:date
  | 'boolean' // xs:boolean
  | 'decimal' // xs:decimal (memoVersion)
  | 'pNumber' // dt:memoPNumberType, xs:long ≤ 9999999999
  | 'gln' // dt:memoGLNType, xs:long ≤ 9999999999999
  | 'language' // dt:memoLanguageType, xs:language ≤ 2
  | 'uri' // dt:memoUriType, xs:anyURI ≤ 256
  | 'base64' // xs:base64Binary (File/content)
  | 'licenseNumber' // dt:memoLicenseNumberType, string ≤ 7
  | 'messageType'; // dt:memoMessageType, DIGITALPOST | NEMSMS

export interface ElementSpec {
  /** Local name: the XSD element name and the model property key. */
  readonly name: string;
  readonly ns: MemoNamespacePrefix;
  readonly min: number;
  /** `Infinity` for `unbounded`. `max > 1` means the model holds an array. */
  readonly max: number;
  readonly type: SimpleKind | ComplexSpec;
  /** Present when the element exists only in these MeMo versions. */
  readonly versions?: readonly MemoVersion[];
}

export interface AttributeSpec {
  readonly name: string;
  readonly required: boolean;
  readonly type: SimpleKind;
  /** Present when the attribute exists only in these MeMo versions. */
  readonly versions?: readonly MemoVersion[];
}

export interface ComplexSpec {
  /** Local name of the element this type belongs to. */
  readonly name: string;
  readonly ns: MemoNamespacePrefix;
  /** Children in XSD sequence order. */
  readonly children: readonly ElementSpec[];
  /** At most one of these children may occur (Action: Reservation | EntryPoint). */
  readonly choice?: readonly string[];
  /** Only `Message` has attributes. */
  readonly attributes?: readonly AttributeSpec[];
}

/** Occurrence shorthands: [min, max]. */
const ONE = [1, 1] as const;
const OPT = [0, 1] as const;
const MANY = [0, Infinity] as const;
type Occurs = readonly [number, number];

function el(
  ns: MemoNamespacePrefix,
  name: string,
  occurs: Occurs,
  type: SimpleKind | ComplexSpec,
  versions?: readonly MemoVersion[],
): ElementSpec {
  const spec: ElementSpec = versions
    ? { name, ns, min: occurs[0], max: occurs[1], type, versions: Object.freeze([...versions]) }
    : { name, ns, min: occurs[0], max: occurs[1], type };
  return Object.freeze(spec);
}

function complex(ns: MemoNamespacePrefix, name: string, children: readonly ElementSpec[], choice?: readonly string[]): ComplexSpec {
  const spec: ComplexSpec = choice
    ? { name, ns, children: Object.freeze([...children]), choice: Object.freeze([...choice]) }
    : { name, ns, children: Object.freeze([...children]) };
  return Object.freeze(spec);
}

/** A complex element whose children all share its namespace (true of every MeMo type). */
function group(ns: MemoNamespacePrefix, name: string, children: readonly (readonly [string, Occurs, SimpleKind | ComplexSpec, (readonly MemoVersion[])?])[]): ComplexSpec {
  return complex(ns, name, children.map(([n, o, t, v]) => el(ns, n, o, t, v)));
}

// ---- grd, gln, sor, dmv, kle, form, udd (MeMo_grd.xsd and friends) ----
const AddressPoint = group('grd', 'AddressPoint', [
  ['geographicEastingMeasure', OPT, 'text'],
  ['geographicNorthingMeasure', OPT, 'text'],
  ['geographicHeightMeasure', OPT, 'text'],
]);
const Address = group('grd', 'Address', [
  ['id', OPT, 'text'],
  ['addressLabel', OPT, 'text'],
  ['houseNumber', OPT, 'text'],
  ['door', OPT, 'text'],
  ['floor', OPT, 'text'],
  ['co', OPT, 'text'],
  ['zipCode', OPT, 'text'],
  ['city', OPT, 'text'],
  ['country', OPT, 'text'],
  ['AddressPoint', OPT, AddressPoint],
]);
const UnstructuredAddress = group('grd', 'UnstructuredAddress', [['unstructured', ONE, 'text']]);
const CPRdata = group('grd', 'CPRdata', [['cprNumber', ONE, 'text'], ['name', OPT, 'text']]);
const CVRdata = group('grd', 'CVRdata', [['cvrNumber', ONE, 'text'], ['companyName', OPT, 'text']]);
const EID = group('grd', 'EID', [['eID', ONE, 'text'], ['label', OPT, 'text']]);
const ProductionUnit = group('grd', 'ProductionUnit', [['productionUnitNumber', ONE, 'pNumber'], ['productionUnitName', OPT, 'text']]);
const SEnumber = group('grd', 'SEnumber', [['seNumber', ONE, 'text'], ['companyName', OPT, 'text']]);
const PropertyNumber = group('grd', 'PropertyNumber', [['propertyNumber', ONE, 'text']]);
const GlobalLocationNumber = group('gln', 'GlobalLocationNumber', [['globalLocationNumber', ONE, 'gln'], ['location', OPT, 'text']]);
const SORdata = group('sor', 'SORdata', [['sorIdentifier', ONE, 'text'], ['entryName', OPT, 'text']]);
const MotorVehicle = group('dmv', 'MotorVehicle', [['licenseNumber', ONE, 'licenseNumber'], ['chassisNumber', OPT, 'text']]);
const KLEdata = group('kle', 'KLEdata', [['subjectKey', ONE, 'text'], ['version', ONE, 'text'], ['activityFacet', OPT, 'text'], ['label', ONE, 'text']]);
const FORMdata = group('form', 'FORMdata', [['taskKey', ONE, 'text'], ['version', ONE, 'text'], ['activityFacet', OPT, 'text'], ['label', ONE, 'text']]);
const Education = group('udd', 'Education', [['educationCode', ONE, 'text'], ['educationName', OPT, 'text']]);

// ---- memo (MeMo_core.xsd) ----
const AttentionPerson = group('memo', 'AttentionPerson', [['personID', OPT, 'text'], ['label', OPT, 'text']]);
const EMail = group('memo', 'EMail', [['emailAddress', ONE, 'text'], ['relatedAgent', OPT, 'text']]);
const Telephone = group('memo', 'Telephone', [['telephoneNumber', ONE, 'text'], ['relatedAgent', OPT, 'text']]);
const ContentResponsible = group('memo', 'ContentResponsible', [['contentResponsibleID', OPT, 'text'], ['label', OPT, 'text']]);
const GeneratingSystem = group('memo', 'GeneratingSystem', [['generatingSystemID', ONE, 'text'], ['label', OPT, 'text']]);
const AttentionData = complex('memo', 'AttentionData', [
  el('memo', 'AttentionPerson', OPT, AttentionPerson),
  el('grd', 'ProductionUnit', OPT, ProductionUnit),
  el('gln', 'GlobalLocationNumber', OPT, GlobalLocationNumber),
  el('memo', 'EMail', OPT, EMail),
  el('grd', 'SEnumber', OPT, SEnumber),
  el('memo', 'Telephone', OPT, Telephone),
  el('grd', 'EID', OPT, EID),
  el('memo', 'ContentResponsible', OPT, ContentResponsible),
  el('memo', 'GeneratingSystem', OPT, GeneratingSystem),
  el('sor', 'SORdata', OPT, SORdata),
  el('grd', 'Address', OPT, Address),
  el('grd', 'UnstructuredAddress', OPT, UnstructuredAddress),
]);
const ContactInfo = group('memo', 'ContactInfo', [['label', ONE, 'text'], ['value', ONE, 'text']]);
const ContactPoint = group('memo', 'ContactPoint', [
  ['contactGroup', OPT, 'text'],
  ['contactPointID', ONE, 'text'],
  ['label', OPT, 'text'],
  ['ContactInfo', [0, 2], ContactInfo],
]);
const Representative = group('memo', 'Representative', [
  ['representativeID', OPT, 'text'],
  ['idType', OPT, 'text'],
  ['idTypeLabel', OPT, 'text'],
  ['label', OPT, 'text'],
]);
const V12 = ['1.2'] as const;
const Sender = group('memo', 'Sender', [
  ['senderID', ONE, 'text'],
  ['idType', ONE, 'text'],
  ['idTypeLabel', OPT, 'text'],
  ['label', ONE, 'text'],
  ['AttentionData', OPT, AttentionData],
  ['ContactPoint', OPT, ContactPoint],
  ['Representative', OPT, Representative, V12],
]);
const Recipient = group('memo', 'Recipient', [
  ['recipientID', ONE, 'text'],
  ['idType', ONE, 'text'],
  ['idTypeLabel', OPT, 'text'],
  ['label', OPT, 'text'],
  ['AttentionData', OPT, AttentionData],
  ['ContactPoint', OPT, ContactPoint],
]);
const CaseID = group('memo', 'CaseID', [['caseID', ONE, 'text'], ['caseSystem', ONE, 'text']]);
const AdditionalContentData = group('memo', 'AdditionalContentData', [
  ['contentDataType', OPT, 'text'],
  ['contentDataName', ONE, 'text'],
  ['contentDataValue', ONE, 'text'],
]);
const ContentData = complex('memo', 'ContentData', [
  el('grd', 'CPRdata', OPT, CPRdata),
  el('grd', 'CVRdata', OPT, CVRdata),
  el('dmv', 'MotorVehicle', OPT, MotorVehicle),
  el('grd', 'PropertyNumber', OPT, PropertyNumber),
  el('memo', 'CaseID', OPT, CaseID),
  el('kle', 'KLEdata', OPT, KLEdata),
  el('form', 'FORMdata', OPT, FORMdata),
  el('grd', 'ProductionUnit', OPT, ProductionUnit),
  el('udd', 'Education', OPT, Education),
  el('grd', 'Address', OPT, Address),
  el('grd', 'UnstructuredAddress', OPT, UnstructuredAddress),
  el('memo', 'AdditionalContentData', [0, 10], AdditionalContentData),
]);
const ForwardData = group('memo', 'ForwardData', [
  ['messageUUID', ONE, 'uuid'],
  ['originalMessageDateTime', ONE, 'dateTime'],
  ['originalSender', ONE, 'text'],
  ['originalContentResponsible', OPT, 'text'],
  ['originalRepresentative', OPT, 'text', V12],
  ['contactPointID', OPT, 'text'],
  ['comment', OPT, 'comment'],
]);
const AdditionalReplyData = group('memo', 'AdditionalReplyData', [['label', ONE, 'text'], ['value', ONE, 'text']]);
const ReplyData = group('memo', 'ReplyData', [
  ['messageID', OPT, 'text'],
  ['messageUUID', ONE, 'uuid'],
  ['replyUUID', OPT, 'uuid'],
  ['senderID', OPT, 'text'],
  ['recipientID', OPT, 'text'],
  ['caseID', OPT, 'text'],
  ['contactPointID', OPT, 'text'],
  ['generatingSystemID', OPT, 'text'],
  ['comment', OPT, 'comment'],
  ['AdditionalReplyData', [0, 4], AdditionalReplyData],
]);
const File = group('memo', 'File', [
  ['encodingFormat', ONE, 'text'],
  ['filename', ONE, 'text'],
  ['language', ONE, 'language'],
  ['content', ONE, 'base64'],
]);
const Reservation = group('memo', 'Reservation', [
  ['description', ONE, 'text'],
  ['reservationUUID', ONE, 'uuid'],
  ['abstract', ONE, 'text'],
  ['location', ONE, 'text'],
  ['startDateTime', ONE, 'dateTime'],
  ['endDateTime', ONE, 'dateTime'],
  ['organizerMail', OPT, 'text'],
  ['organizerName', OPT, 'text'],
]);
const EntryPoint = group('memo', 'EntryPoint', [['url', ONE, 'uri']]);
const Action = complex(
  'memo',
  'Action',
  [
    el('memo', 'label', ONE, 'text'),
    el('memo', 'actionCode', ONE, 'text'),
    el('memo', 'startDateTime', OPT, 'dateTime'),
    el('memo', 'endDateTime', OPT, 'dateTime'),
    el('memo', 'Reservation', OPT, Reservation),
    el('memo', 'EntryPoint', OPT, EntryPoint),
  ],
  ['Reservation', 'EntryPoint'],
);
const FILES = [1, Infinity] as const;
const MainDocument = group('memo', 'MainDocument', [
  ['mainDocumentID', OPT, 'text'],
  ['label', OPT, 'text'],
  ['File', FILES, File],
  ['Action', MANY, Action],
]);
const AdditionalDocument = group('memo', 'AdditionalDocument', [
  ['additionalDocumentID', OPT, 'text'],
  ['label', OPT, 'text'],
  ['File', FILES, File],
  ['Action', MANY, Action],
]);
const TechnicalDocument = group('memo', 'TechnicalDocument', [
  ['technicalDocumentID', OPT, 'text'],
  ['label', OPT, 'text'],
  ['File', FILES, File],
]);
const MessageBody = group('memo', 'MessageBody', [
  ['createdDateTime', ONE, 'dateTime'],
  ['MainDocument', ONE, MainDocument],
  ['AdditionalDocument', MANY, AdditionalDocument],
  ['TechnicalDocument', MANY, TechnicalDocument],
]);

function messageHeader(version: MemoVersion): ComplexSpec {
  // 1.1 requires mandatory and legalNotification; 1.2 made them optional.
  const flag: Occurs = version === '1.1' ? ONE : OPT;
  return group('memo', 'MessageHeader', [
    ['messageType', ONE, 'messageType'],
    ['messageUUID', ONE, 'uuid'],
    ['messageID', OPT, 'text'],
    ['messageCode', OPT, 'text'],
    ['label', ONE, 'text'],
    ['notification', OPT, 'notification'],
    ['additionalNotification', OPT, 'text'],
    ['reply', OPT, 'boolean'],
    ['replyByDateTime', OPT, 'dateTime'],
    ['doNotDeliverUntilDate', OPT, 'date'],
    ['mandatory', flag, 'boolean'],
    ['legalNotification', flag, 'boolean'],
    ['postType', OPT, 'text'],
    ['Sender', ONE, Sender],
    ['Recipient', ONE, Recipient],
    ['ContentData', OPT, ContentData],
    ['ForwardData', OPT, ForwardData],
    ['ReplyData', MANY, ReplyData],
  ]);
}

function message(version: MemoVersion): ComplexSpec {
  const spec: ComplexSpec = {
    ...group('memo', 'Message', [
      ['MessageHeader', ONE, messageHeader(version)],
      ['MessageBody', OPT, MessageBody],
    ]),
    attributes: Object.freeze([
      Object.freeze({ name: 'memoVersion', required: true, type: 'decimal' } as const),
      Object.freeze({ name: 'memoSchVersion', required: version === '1.1', type: 'text', versions: Object.freeze(['1.1'] as const) } as const),
    ]),
  };
  return Object.freeze(spec);
}

const SCHEMAS: Readonly<Record<MemoVersion, ComplexSpec>> = Object.freeze({ '1.1': message('1.1'), '1.2': message('1.2') });

/**
 * The `Message` element of a MeMo version. Elements that exist only in another version are
 * still listed (with `versions`) so that readers can tell "wrong version" from "unknown".
 */
export function memoSchema(version: MemoVersion): ComplexSpec {
  return SCHEMAS[version];
}

/** Whether an element or attribute exists in `version`. */
export function inVersion(spec: { readonly versions?: readonly MemoVersion[] }, version: MemoVersion): boolean {
  return spec.versions === undefined || spec.versions.includes(version);
}
