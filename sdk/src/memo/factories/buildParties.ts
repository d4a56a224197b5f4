/**
 * Sender, Recipient and ContactPoint from the friendly input.
 * @module
 */
import { parseCpr } from '../../identifiers/cpr.js';
import { parseCvr } from '../../identifiers/cvr.js';
import { parsePNumber } from '../../identifiers/pNumber.js';
import type { ContactPointInput, RecipientInput, SenderInput } from '../letterInput.js';
import type { AttentionData, ContactPoint, MemoVersion, Recipient, Sender } from '../model.js';
import { cloneData, type Mutable } from './cloneData.js';
import { letterInputError } from './letterInputError.js';

export function buildContactPoint(input: ContactPointInput, field: string): ContactPoint {
  if (typeof input.id !== 'string' || input.id.trim() === '') {
    throw letterInputError(`${field}.id`, 'is required: the UUID of the NgDP contact point (kontaktpunkt) that receives replies.');
  }
  // Keys in XSD order, so that a printed message reads like its XML.
  const cp: Mutable<Partial<ContactPoint>> = {};
  if (input.contactGroup !== undefined) cp.contactGroup = input.contactGroup;
  cp.contactPointID = input.id;
  if (input.label !== undefined) cp.label = input.label;
  if (input.info !== undefined) cp.ContactInfo = cloneData(input.info);
  return cp as ContactPoint;
}

export function buildRecipient(input: RecipientInput): Recipient {
  if (input === null || typeof input !== 'object') throw letterInputError('recipient', 'is required.');
  if (input.type === 'cpr') {
    const r: Mutable<Recipient> = { recipientID: parseCpr(input.cpr), idType: 'CPR' };
    if (input.name !== undefined) r.label = input.name;
    return r;
  }
  if (input.type !== 'cvr') throw letterInputError('recipient.type', `must be "cpr" or "cvr"; got ${JSON.stringify((input as { type?: unknown }).type)}.`);
  const r: Mutable<Recipient> = { recipientID: parseCvr(input.cvr), idType: 'CVR' };
  if (input.name !== undefined) r.label = input.name;
  const attention: Mutable<AttentionData> = {};
  if (input.attentionPerson !== undefined) attention.AttentionPerson = { label: input.attentionPerson };
  if (input.pNumber !== undefined) {
    attention.ProductionUnit = input.productionUnitName === undefined
      ? { productionUnitNumber: parsePNumber(input.pNumber) }
      : { productionUnitNumber: parsePNumber(input.pNumber), productionUnitName: input.productionUnitName };
  } else if (input.productionUnitName !== undefined) {
    throw letterInputError('recipient.productionUnitName', 'needs recipient.pNumber: a production unit is identified by its P-number.');
  }
  if (attention.AttentionPerson !== undefined || attention.ProductionUnit !== undefined) r.AttentionData = attention;
  return r;
}

function senderId(input: SenderInput): { id: string; idType: 'CVR' | 'CPR' } {
  const idType = input.idType ?? 'CVR';
  if (idType === 'CVR') return { id: parseCvr(input.id), idType };
  if (idType === 'CPR') return { id: parseCpr(input.id), idType };
  throw letterInputError('sender.idType', `must be "CVR" or "CPR"; got ${JSON.stringify(idType)}.`);
}

export function buildSender(input: SenderInput, version: MemoVersion, contactPoint: ContactPoint | undefined): Sender {
  if (input === null || typeof input !== 'object') throw letterInputError('sender', 'is required.');
  const { id, idType } = senderId(input);
  if (typeof input.label !== 'string' || input.label.trim() === '') {
    throw letterInputError('sender.label', 'is required: the name the recipient sees, e.g. "Aarhus Kommune, Borgerservice".');
  }
  const s: Mutable<Sender> = { senderID: id, idType, label: input.label };
  if (input.attention !== undefined) s.AttentionData = cloneData(input.attention);
  if (contactPoint !== undefined) s.ContactPoint = contactPoint;
  if (input.representative !== undefined) {
    if (version !== '1.2') {
      throw letterInputError('sender.representative', 'exists only in MeMo 1.2; remove it or set memoVersion to "1.2".');
    }
    const rep = input.representative;
    s.Representative = cloneData({ representativeID: rep.id, idType: rep.idType, label: rep.label });
  }
  return s;
}
