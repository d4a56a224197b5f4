/**
 * NgDP `Receipt` JSON for a letter: RECEIVED when accepted, COMPLETED when delivered or printed,
 * INVALID when refused, NOT_ALLOWED when it could not be delivered.
 * @module
 */
import type { LetterRecord, LetterSummary } from '../store/records.js';

export interface Receipt {
  readonly transmissionId: string;
  readonly messageUUID: string | null;
  readonly messageId: string | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly timeStamp: string;
  readonly receiptStatus: 'RECEIVED' | 'COMPLETED' | 'INVALID' | 'NOT_ALLOWED';
}

const STATUS: Readonly<Record<LetterRecord['status'], Receipt['receiptStatus']>> = {
  accepted: 'RECEIVED',
  delivered: 'COMPLETED',
  printed: 'COMPLETED',
  refused: 'INVALID',
  failed: 'NOT_ALLOWED',
};

export function receiptJson(letter: LetterSummary, now: Date = new Date()): Receipt {
  return {
    transmissionId: letter.id,
    messageUUID: letter.messageUuid,
    messageId: letter.messageId,
    errorCode: letter.failCode,
    errorMessage: letter.failText,
    timeStamp: now.toISOString(),
    receiptStatus: STATUS[letter.status],
  };
}
