/**
 * fast-check arbitraries for valid {@link LetterInput}s covering every option of the factory:
 * CPR/CVR/P-number recipients, reply set-ups, every metadata kind, attachments, technical
 * documents, actions (AFTALE reservations and https entry points), NemSMS and both MeMo
 * versions. Every generated input is valid when built with `now: () => ARBITRARY_NOW`.
 * @module
 */
import fc from 'fast-check';
import type { ActionInput, ContactPointInput, DocumentInput, FileContentInput, LetterInput, MetadataInput, RecipientInput, SenderInput } from '../../memo/letterInput.js';
import type { MemoMessageType, MemoVersion } from '../../memo/model.js';
import { FICTIONAL_CONTACT_POINT_ID } from '../fictionalIdentifiers.js';
import { cprArbitrary, cvrArbitrary, pNumberArbitrary } from './identifierArbitraries.js';
import { attentionDataArbitrary, addressArbitrary, replyDataArbitrary } from './modelArbitraries.js';
import { httpsUrl, memoFilename, memoText } from './textArbitraries.js';

/** The clock to build generated inputs with: reply-by dates lie after it. */
export const ARBITRARY_NOW = new Date('2026-01-15T12:00:00Z');

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });
const uuidV4 = fc.uuid({ version: 4 });
/** Dates after ARBITRARY_NOW, as Date or as an ISO string with Z or an offset. */
const futureDate = fc
  .tuple(fc.date({ min: new Date('2026-01-16T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom('date', 'z', 'offset'))
  .map(([d, form]) => (form === 'date' ? d : form === 'z' ? d.toISOString() : d.toISOString().replace('Z', '+00:00')));

function fileContent(): fc.Arbitrary<FileContentInput> {
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 48 });
  return fc.oneof(bytes, bytes.map((b) => ({ base64: btoa(String.fromCharCode(...b)) })));
}

function documentInput(withActions: boolean): fc.Arbitrary<DocumentInput> {
  const file = fc.record(
    { filename: memoFilename(), language: fc.constantFrom('da', 'en', 'kl', 'DA'), encodingFormat: memoText(40), content: fileContent() },
    { requiredKeys: ['filename', 'content'] },
  );
  return fc.record(
    { id: memoText(), label: memoText(), files: fc.array(file, { minLength: 1, maxLength: 2 }), actions: withActions ? fc.array(actionInput(), { maxLength: 2 }) : fc.constant(undefined) },
    { requiredKeys: ['files'] },
  );
}

function actionInput(): fc.Arbitrary<ActionInput> {
  const times = { startDateTime: futureDate, endDateTime: futureDate };
  const entry = fc.record(
    { label: memoText(), actionCode: fc.constantFrom('BEKRAEFT', 'BETALING', 'FORBEREDELSE', 'INFORMATION', 'SELVBETJENING', 'TILMELDING', 'UNDERSKRIV' as const), url: httpsUrl(), ...times },
    { requiredKeys: ['label', 'actionCode', 'url'] },
  );
  const reservation = fc.record(
    { description: memoText(), reservationUUID: uuidV4, abstract: memoText(), location: memoText(), startDateTime: futureDate, endDateTime: futureDate, organizerMail: memoText(60), organizerName: memoText() },
    { requiredKeys: ['description', 'abstract', 'location', 'startDateTime', 'endDateTime'] },
  );
  const aftale = fc.record({ label: memoText(), actionCode: fc.constant('AFTALE' as const), reservation, ...times }, { requiredKeys: ['label', 'actionCode', 'reservation'] });
  return fc.oneof(entry, aftale);
}

function recipientInput(): fc.Arbitrary<RecipientInput> {
  const cpr = fc.record({ type: fc.constant('cpr' as const), cpr: cprArbitrary(), name: memoText() }, { requiredKeys: ['type', 'cpr'] });
  const cvr = fc
    .record({ type: fc.constant('cvr' as const), cvr: cvrArbitrary(), name: memoText(), pNumber: pNumberArbitrary(), productionUnitName: memoText(), attentionPerson: memoText() }, { requiredKeys: ['type', 'cvr'] })
    .map((r) => (r.pNumber === undefined ? { ...r, productionUnitName: undefined } : r));
  return fc.oneof(cpr, cvr);
}

function contactPointInput(): fc.Arbitrary<ContactPointInput> {
  const info = fc.record({ label: memoText(), value: memoText() });
  return fc.record({ id: uuidV4, label: memoText(), contactGroup: memoText(20), info: fc.array(info, { maxLength: 2 }) }, { requiredKeys: ['id'] });
}

function senderInput(version: MemoVersion): fc.Arbitrary<SenderInput> {
  const representative = fc.record({ id: memoText(20), idType: fc.constantFrom('CPR', 'CVR'), label: memoText() }, { requiredKeys: [] });
  return fc.record(
    {
      id: cvrArbitrary(),
      idType: fc.constant('CVR' as const),
      label: memoText(),
      contactPoint: contactPointInput(),
      attention: attentionDataArbitrary(),
      representative: version === '1.2' ? representative : fc.constant(undefined),
    },
    { requiredKeys: ['id', 'label'] },
  );
}

function metadataInput(): fc.Arbitrary<MetadataInput> {
  const classification = { version: memoText(30), activityFacet: memoText(10), label: memoText() };
  return fc
    .record(
      {
        caseId: fc.record({ id: memoText(), system: memoText() }),
        kle: fc.record({ subjectKey: fc.constantFrom('00.00.00', '27.24.00', '32.18.04'), ...classification }, { requiredKeys: ['subjectKey', 'version', 'label'] }),
        form: fc.record({ taskKey: fc.constantFrom('00.00.00.00', '27.24.00.02'), ...classification }, { requiredKeys: ['taskKey', 'version', 'label'] }),
        cpr: fc.record({ cprNumber: cprArbitrary(), name: memoText() }, { requiredKeys: ['cprNumber'] }),
        cvr: fc.record({ cvrNumber: cvrArbitrary(), companyName: memoText() }, { requiredKeys: ['cvrNumber'] }),
        productionUnit: fc.record({ pNumber: pNumberArbitrary(), name: memoText() }, { requiredKeys: ['pNumber'] }),
        motorVehicle: fc.record({ licenseNumber: memoText(7), chassisNumber: memoText(17) }, { requiredKeys: ['licenseNumber'] }),
        propertyNumber: memoText(20),
        education: fc.record({ educationCode: memoText(10), educationName: memoText() }, { requiredKeys: ['educationCode'] }),
        address: addressArbitrary(),
        unstructuredAddress: memoText(),
        additional: fc.array(fc.record({ type: memoText(20), name: memoText(), value: memoText() }, { requiredKeys: ['name', 'value'] }), { maxLength: 10 }),
      },
      { requiredKeys: [] },
    )
    // An unstructured address can only be used alone.
    .map((m) => (m.address !== undefined ? { ...m, unstructuredAddress: undefined } : m));
}

export interface LetterInputArbitraryOptions {
  readonly memoVersion?: MemoVersion;
  readonly messageType?: MemoMessageType;
}

function common(version: MemoVersion) {
  return {
    memoVersion: fc.constant(version),
    messageUUID: opt(uuidV4),
    messageID: opt(memoText()),
    messageCode: opt(memoText(40)),
    title: memoText(),
    additionalNotification: opt(memoText()),
    mandatory: opt(fc.boolean()),
    legalNotification: opt(fc.boolean()),
    postType: opt(fc.constantFrom('MYNDIGHEDSPOST', 'VIRKSOMHEDSPOST')),
    doNotDeliverUntil: opt(futureDate.map((d) => (typeof d === 'string' ? d.slice(0, 10) : d))),
    sender: senderInput(version),
    recipient: recipientInput(),
    metadata: opt(metadataInput()),
    replyData: opt(fc.array(replyDataArbitrary(), { minLength: 1, maxLength: 2 })),
  };
}

/** Reply disabled, or enabled with a contact point (on the reply or the sender) and maybe a reply-by date. */
function replyInput() {
  return fc.oneof(
    fc.constant(undefined),
    fc.record({ enabled: fc.constant(true), replyBy: opt(futureDate), contactPoint: contactPointInput() }, { requiredKeys: ['enabled'] }),
  );
}

/** A reply-enabled letter needs a contact point: on the reply, or else on the sender. */
function ensureReplyContactPoint(letter: LetterInput): LetterInput {
  if (letter.reply?.enabled !== true || letter.reply.contactPoint !== undefined || letter.sender.contactPoint !== undefined) return letter;
  return { ...letter, sender: { ...letter.sender, contactPoint: { id: FICTIONAL_CONTACT_POINT_ID } } };
}

function forVersion(v: MemoVersion, messageType: MemoMessageType | undefined): fc.Arbitrary<LetterInput> {
  const digitalPost = fc
    .record({
      ...common(v),
      messageType: opt(fc.constant('DIGITALPOST' as const)),
      notification: opt(memoText(150)),
      reply: replyInput(),
      mainDocument: documentInput(true),
      attachments: opt(fc.array(documentInput(true), { maxLength: 3 })),
      technicalDocuments: opt(fc.array(documentInput(false), { maxLength: 1 })),
      createdDateTime: opt(futureDate),
    })
    .map(ensureReplyContactPoint);
  const nemSms = fc.record({ ...common(v), messageType: fc.constant('NEMSMS' as const), notification: memoText(150) });
  if (messageType === 'NEMSMS') return nemSms;
  if (messageType === 'DIGITALPOST') return digitalPost;
  return fc.oneof({ weight: 5, arbitrary: digitalPost }, { weight: 1, arbitrary: nemSms });
}

/** Valid letter inputs; restrict the version or message type through `options`. */
export function letterInputArbitrary(options: LetterInputArbitraryOptions = {}): fc.Arbitrary<LetterInput> {
  if (options.memoVersion !== undefined) return forVersion(options.memoVersion, options.messageType);
  return fc.oneof(forVersion('1.1', options.messageType), forVersion('1.2', options.messageType));
}
