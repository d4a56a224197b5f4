/**
 * NgDP's `Receipt` JSON (send answers, receipt listing, business receipts) and its reader.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';

export type ReceiptStatus = 'NOT_ALLOWED' | 'INVALID' | 'RECEIVED' | 'COMPLETED' | (string & {});

export interface NgdpReceipt {
  readonly transmissionId?: string;
  readonly messageUUID?: string;
  readonly messageId?: string;
  readonly receiptStatus?: ReceiptStatus;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly timeStamp?: string;
}

/** NgDP's paging answer for lists of ids (`GET receipts/`, `GET memos/`). */
export interface PagingResultUUID {
  readonly content: readonly string[];
  readonly number?: number;
  readonly size?: number;
  readonly totalElements?: number;
  readonly totalPages?: number;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads a Receipt object; unknown fields are ignored, wrong types dropped. */
export function parseNgdpReceipt(json: unknown): NgdpReceipt {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new PostbudError('RESPONSE_INVALID', 'NgDP did not answer with a Receipt object.', { fault: 'server' });
  }
  const o = json as Record<string, unknown>;
  const fields: Record<string, string | undefined> = {
    transmissionId: str(o['transmissionId']),
    messageUUID: str(o['messageUUID']),
    messageId: str(o['messageId']),
    receiptStatus: str(o['receiptStatus']),
    errorCode: str(o['errorCode']),
    errorMessage: str(o['errorMessage']),
    timeStamp: str(o['timeStamp']),
  };
  return Object.freeze(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))) as NgdpReceipt;
}

export function parsePagingResult(json: unknown): PagingResultUUID {
  const o = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  const content = o['content'];
  if (!Array.isArray(content)) throw new PostbudError('RESPONSE_INVALID', 'NgDP did not answer with a paging result ({content: [...]}).', { fault: 'server' });
  const num = (k: string): Record<string, number> => (typeof o[k] === 'number' ? { [k]: o[k] } : {});
  return { content: content.filter((c): c is string => typeof c === 'string'), ...num('number'), ...num('size'), ...num('totalElements'), ...num('totalPages') };
}
