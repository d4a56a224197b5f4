/**
 * Builds a MeMo message from a {@link LetterInput}: fills the defaults (MeMo 1.2, v4 UUID,
 * creation time in UTC, language `da`, MIME types from file extensions), normalises
 * identifiers and dates, and refuses input that would make a letter fail or misbehave.
 *
 * It checks what it has to interpret (identifiers, dates, files, reply set-up, NemSMS shape);
 * lengths, counts and the remaining MeMo rules are `validateMemo`'s job (the client runs it
 * before sending, or call `assertValidMemo` yourself).
 * @module
 */
import type { DocumentInput, LetterInput } from '../letterInput.js';
import type { AdditionalDocument, ContactPoint, MainDocument, MemoMessage, MemoVersion, MessageBody, MessageHeader, TechnicalDocument } from '../model.js';
import { characterLength, isUuidV4 } from '../validation/simpleTypes.js';
import { buildContentData } from './buildContentData.js';
import { buildDocument } from './buildDocuments.js';
import { buildContactPoint, buildRecipient, buildSender } from './buildParties.js';
import { cloneData, type Mutable } from './cloneData.js';
import { deepFreeze } from './deepFreeze.js';
import { letterInputError } from './letterInputError.js';
import { formatMemoDateTime, toMemoDate, toMemoDateTime } from './memoTime.js';

export interface CreateMemoMessageOptions {
  /** Clock for `createdDateTime` and the reply-by check. Default: `new Date()`. */
  readonly now?: () => Date;
  /** UUID source for `messageUUID` and reservations. Default: `crypto.randomUUID` (v4). */
  readonly uuid?: () => string;
  /**
   * Allow `reply.enabled` without a contact point. MeMo allows it, but then NgDP has nowhere
   * to deliver the answer: the most common reason replies get lost. Default false.
   */
  readonly allowReplyWithoutContactPoint?: boolean;
}

/** NemSMS bodies longer than this are cut or rejected (digitaliser.dk's XSD says 150). */
export const NEMSMS_MAX_LENGTH = 150;

const defaultUuid = (): string => globalThis.crypto.randomUUID();

function checkInputShape(input: LetterInput): MemoVersion {
  if (input === null || typeof input !== 'object') throw letterInputError('input', 'must be a LetterInput object.');
  const version = input.memoVersion ?? '1.2';
  if (version !== '1.1' && version !== '1.2') throw letterInputError('memoVersion', `must be "1.1" or "1.2"; got ${JSON.stringify(version)}.`);
  if (typeof input.title !== 'string' || input.title.trim() === '') {
    throw letterInputError('title', 'is required: the title the recipient sees in the inbox.');
  }
  return version;
}

function messageTypeChecks(input: LetterInput): void {
  const type = input.messageType ?? 'DIGITALPOST';
  if (type === 'DIGITALPOST') {
    if (input.mainDocument === undefined) throw letterInputError('mainDocument', 'is required for a DIGITALPOST letter (the letter itself).');
    return;
  }
  if (type !== 'NEMSMS') throw letterInputError('messageType', `must be "DIGITALPOST" or "NEMSMS"; got ${JSON.stringify(type)}.`);
  if (input.mainDocument !== undefined || (input.attachments?.length ?? 0) > 0 || (input.technicalDocuments?.length ?? 0) > 0) {
    throw letterInputError('mainDocument', 'a NEMSMS message carries no documents; put the text in notification.');
  }
  if (typeof input.notification !== 'string' || input.notification.trim() === '') {
    throw letterInputError('notification', 'is required for a NEMSMS message: it is the text of the SMS.');
  }
  if (characterLength(input.notification) > NEMSMS_MAX_LENGTH) {
    throw letterInputError('notification', `is ${characterLength(input.notification)} characters; an SMS notification may have at most ${NEMSMS_MAX_LENGTH}.`);
  }
}

function replyContactPoint(input: LetterInput, now: Date, options: CreateMemoMessageOptions): { contactPoint?: ContactPoint; replyBy?: string } {
  const reply = input.reply;
  const cpInput = reply?.contactPoint ?? input.sender?.contactPoint;
  const field = reply?.contactPoint !== undefined ? 'reply.contactPoint' : 'sender.contactPoint';
  const contactPoint = cpInput === undefined ? undefined : buildContactPoint(cpInput, field);
  if (reply?.enabled !== true) {
    if (reply?.replyBy !== undefined) throw letterInputError('reply.replyBy', 'is set but reply.enabled is not true.');
    return contactPoint === undefined ? {} : { contactPoint };
  }
  if (contactPoint === undefined && options.allowReplyWithoutContactPoint !== true) {
    throw letterInputError(
      'reply.contactPoint',
      'a reply-enabled letter needs the contact point that receives the answer; set reply.contactPoint (or sender.contactPoint) to your NgDP contact point, or pass allowReplyWithoutContactPoint.',
    );
  }
  if (reply.replyBy === undefined) return contactPoint === undefined ? {} : { contactPoint };
  const replyBy = toMemoDateTime(reply.replyBy, 'reply.replyBy');
  if (Date.parse(replyBy) <= now.getTime()) {
    throw letterInputError('reply.replyBy', `${replyBy} lies in the past; the recipient could not answer in time.`);
  }
  return contactPoint === undefined ? { replyBy } : { contactPoint, replyBy };
}

function buildHeader(input: LetterInput, version: MemoVersion, now: Date, uuid: () => string, options: CreateMemoMessageOptions): MessageHeader {
  const messageUUID = input.messageUUID ?? uuid();
  // crypto.randomUUID always returns a v4 UUID: only a given or custom-made one needs the check.
  if ((input.messageUUID !== undefined || uuid !== defaultUuid) && !isUuidV4(messageUUID)) throw letterInputError('messageUUID', `"${String(messageUUID).slice(0, 40)}" is not a version 4 UUID (MeMo accepts no other).`);
  const { contactPoint, replyBy } = replyContactPoint(input, now, options);
  const h: Mutable<Partial<MessageHeader>> = { messageType: input.messageType ?? 'DIGITALPOST', messageUUID };
  if (input.messageID !== undefined) h.messageID = input.messageID;
  if (input.messageCode !== undefined) h.messageCode = input.messageCode;
  h.label = input.title;
  if (input.notification !== undefined) h.notification = input.notification;
  if (input.additionalNotification !== undefined) h.additionalNotification = input.additionalNotification;
  if (input.reply?.enabled === true) h.reply = true;
  if (replyBy !== undefined) h.replyByDateTime = replyBy;
  if (input.doNotDeliverUntil !== undefined) h.doNotDeliverUntilDate = toMemoDate(input.doNotDeliverUntil, 'doNotDeliverUntil');
  // MeMo 1.1 requires both flags; 1.2 only writes them when the sender says so.
  if (input.mandatory !== undefined || version === '1.1') h.mandatory = input.mandatory ?? false;
  if (input.legalNotification !== undefined || version === '1.1') h.legalNotification = input.legalNotification ?? false;
  if (input.postType !== undefined) h.postType = input.postType;
  h.Sender = buildSender(input.sender, version, contactPoint);
  h.Recipient = buildRecipient(input.recipient);
  const contentData = buildContentData(input.metadata);
  if (contentData !== undefined) h.ContentData = contentData;
  if (input.replyData !== undefined && input.replyData.length > 0) h.ReplyData = cloneData(input.replyData);
  return h as MessageHeader;
}

function documentOf<K extends 'mainDocumentID' | 'additionalDocumentID' | 'technicalDocumentID'>(
  input: DocumentInput, field: string, idKey: K, uuid: () => string, allowActions: boolean,
): MainDocument & AdditionalDocument & TechnicalDocument {
  const parts = buildDocument(input, field, uuid, allowActions);
  const d: Record<string, unknown> = {};
  if (parts.id !== undefined) d[idKey] = parts.id;
  if (parts.label !== undefined) d.label = parts.label;
  d.File = parts.File;
  if (parts.Action !== undefined) d.Action = parts.Action;
  return d as unknown as MainDocument & AdditionalDocument & TechnicalDocument;
}

function buildBody(input: LetterInput, now: Date, uuid: () => string): MessageBody | undefined {
  if (input.mainDocument === undefined) return undefined;
  const b: Mutable<Partial<MessageBody>> = {
    createdDateTime: input.createdDateTime === undefined ? formatMemoDateTime(now) : toMemoDateTime(input.createdDateTime, 'createdDateTime'),
    MainDocument: documentOf(input.mainDocument, 'mainDocument', 'mainDocumentID', uuid, true),
  };
  if (input.attachments !== undefined && input.attachments.length > 0) {
    b.AdditionalDocument = input.attachments.map((d, i) => documentOf(d, `attachments[${i}]`, 'additionalDocumentID', uuid, true));
  }
  if (input.technicalDocuments !== undefined && input.technicalDocuments.length > 0) {
    b.TechnicalDocument = input.technicalDocuments.map((d, i) => documentOf(d, `technicalDocuments[${i}]`, 'technicalDocumentID', uuid, false));
  }
  return b as MessageBody;
}

/** Builds a deep-frozen MeMo message. Throws `LETTER_INPUT_INVALID`, `CPR_INVALID`, `CVR_INVALID` or `P_NUMBER_INVALID`. */
export function createMemoMessage(input: LetterInput, options: CreateMemoMessageOptions = {}): MemoMessage {
  const version = checkInputShape(input);
  messageTypeChecks(input);
  const now = (options.now ?? (() => new Date()))();
  const uuid = options.uuid ?? defaultUuid;
  const MessageHeader = buildHeader(input, version, now, uuid, options);
  const MessageBody = buildBody(input, now, uuid);
  // Same key order as the XSD; no spread of a temporary object.
  const message: Mutable<MemoMessage> =
    version === '1.1' ? { memoVersion: '1.1', memoSchVersion: '1.1.0', MessageHeader } : { memoVersion: '1.2', MessageHeader };
  if (MessageBody) message.MessageBody = MessageBody;
  return deepFreeze(message as MemoMessage);
}
