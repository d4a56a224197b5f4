/**
 * Sends a prepared letter through NgDP `POST memos/`. NgDP has no fjernprint channel; an
 * INVALID / NOT_ALLOWED receipt or a 400 is a rejection; 409 (already received) a success.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import type { NgdpCallOptions, NgdpClient } from '../ngdp/NgdpClient.js';
import type { PreparedLetter } from './PreparedLetter.js';
import type { RouteSendAnswer } from './SendResult.js';
import { serializeMemo } from './serializeMemo.js';

export async function sendViaNgdp(client: NgdpClient, letter: PreparedLetter, channel: 'digital' | 'nemsms', options: NgdpCallOptions): Promise<RouteSendAnswer> {
  const xml = await serializeMemo(letter.message);
  let answer;
  try {
    answer = await client.sendMemo(letter.messageUUID, xml, options);
  } catch (error) {
    if (error instanceof PostbudError && error.code === 'HTTP_CLIENT_ERROR') {
      throw new PostbudError('SEND_REJECTED', `NgDP rejected the letter: ${error.message}`, { fault: 'client', cause: error, details: { ...error.details, messageUUID: letter.messageUUID } });
    }
    throw error;
  }
  const status = answer.receipt.receiptStatus ?? (answer.duplicate ? 'RECEIVED' : 'UNKNOWN');
  if (!answer.duplicate && (status === 'INVALID' || status === 'NOT_ALLOWED')) {
    throw new PostbudError('SEND_REJECTED', `NgDP answered ${status}${answer.receipt.errorMessage ? `: ${answer.receipt.errorMessage}` : ''}.`, {
      fault: 'client',
      details: { messageUUID: letter.messageUUID, receiptStatus: status, ...(answer.receipt.errorCode ? { serverCode: answer.receipt.errorCode } : {}) },
    });
  }
  return Object.freeze({
    messageUUID: letter.messageUUID,
    transactionId: letter.transactionId,
    ...(answer.receipt.transmissionId ? { transmissionId: answer.receipt.transmissionId } : {}),
    channel,
    service: 'ngdp',
    receiptStatus: status,
    duplicate: answer.duplicate,
    rawReceipt: JSON.stringify(answer.receipt),
  });
}
