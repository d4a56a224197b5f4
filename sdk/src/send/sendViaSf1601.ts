/**
 * Sends a prepared letter through SF1601 KombiPostAfsend: chooses `KombiValgKode` and the
 * parts (MeMo, ForsendelseI) for the channel, and reads the answer. A "duplicate" rejection
 * is a success: the letter was received before.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { CallOptions, Sf1601Client } from '../sf1601/Sf1601Client.js';
import { isDuplicateRejection } from '../sf1601/parseKombiResponse.js';
import { writeForsendelseI } from '../sf1601/writeForsendelseI.js';
import { writeKombiRequest, writeKombiRequestBytes, type KombiValgKode } from '../sf1601/writeKombiRequest.js';
import { writeMemoBytes } from '../memo/xml/writeMemoBytes.js';
import type { PhysicalPostOptions } from './PhysicalLetter.js';
import type { PreparedLetter } from './PreparedLetter.js';
import { physicalPdf } from './preparePhysical.js';
import type { Channel, RouteSendAnswer } from './SendResult.js';
import { hasStreamContent, serializeMemo } from './serializeMemo.js';

const CODES: Readonly<Record<Channel, KombiValgKode>> = { digital: 'Digital Post', nemsms: 'NemSMS', physical: 'Fysisk Post', auto: 'Automatisk Valg' };

/** Builds the kombi_request body for a channel (physical and auto need `physical`): UTF-8 bytes, or text when a file is a stream. */
export async function buildKombiBody(letter: PreparedLetter, channel: Channel, physical: PhysicalPostOptions | undefined): Promise<string | Uint8Array> {
  const code = CODES[channel];
  const withMemo = channel !== 'physical';
  const withPrint = channel === 'physical' || channel === 'auto';
  let forsendelseIXml: string | undefined;
  if (withPrint) {
    if (!physical) throw new PostbudError('PHYSICAL_LETTER_INVALID', 'Physical post (fjernprint): give physical.address with the recipient\'s name and postal address.');
    const recipient = letter.recipient.type === 'cpr' ? ({ type: 'cpr' } as const) : ({ type: 'cvr', cvr: letter.recipient.cvr } as const);
    forsendelseIXml = writeForsendelseI({ shipmentId: letter.messageUUID, recipient, title: letter.message.MessageHeader.label, pdf: await physicalPdf(letter.message, physical), options: physical });
  }
  if (withMemo && !hasStreamContent(letter.message)) {
    return writeKombiRequestBytes(code, writeMemoBytes(letter.message, { xmlDeclaration: false }), forsendelseIXml);
  }
  const memoXml = withMemo ? await serializeMemo(letter.message, false) : undefined;
  return writeKombiRequest({ code, ...(memoXml ? { memoXml } : {}), ...(forsendelseIXml ? { forsendelseIXml } : {}) });
}

export async function sendViaSf1601(client: Sf1601Client, letter: PreparedLetter, channel: Channel, physical: PhysicalPostOptions | undefined, options: CallOptions): Promise<RouteSendAnswer> {
  const body = await buildKombiBody(letter, channel, physical);
  const answer = await client.kombi(body, { transactionId: letter.transactionId, transactionTime: letter.transactionTime }, options);
  const duplicate = !answer.result && isDuplicateRejection(answer);
  if (!answer.result && !duplicate) {
    throw new PostbudError('SEND_REJECTED', `SF1601 rejected the letter${answer.errorCode ? ` (${answer.errorCode})` : ''}: ${answer.errorText ?? 'no reason given'}.`, {
      fault: 'client',
      details: { messageUUID: letter.messageUUID, transactionId: letter.transactionId, ...(answer.errorCode ? { serverCode: answer.errorCode } : {}), ...(answer.errorText ? { serverMessage: answer.errorText } : {}) },
    });
  }
  return Object.freeze({
    messageUUID: letter.messageUUID,
    transactionId: letter.transactionId,
    ...(answer.transmissionId ? { transmissionId: answer.transmissionId } : {}),
    channel,
    service: 'sf1601',
    receiptStatus: `Result=${String(answer.result)}`,
    duplicate,
    rawReceipt: answer.raw,
  });
}
