/**
 * Inbound MeMos (replies from citizens and companies) for a REST_PULL recipient system:
 * list → fetch → business receipt → delete. `fetchReply` parses the MeMo and links it back
 * to the original letter (message UUID, case id) through its ReplyData.
 * @module
 */
import type { NgdpCallOptions, NgdpClient } from '../ngdp/NgdpClient.js';
import type { NgdpReceipt, PagingResultUUID } from '../ngdp/NgdpReceipt.js';
import type { MemoMessage } from '../memo/model.js';
import type { ValidationIssue } from '../memo/validation/ValidationIssue.js';
import { parseMemo } from '../memo/xml/parseMemo.js';
import { correlateReply, type ReplyCorrelation } from './correlateReply.js';

/** One inbound memo, parsed, with its link back to the original letter. */
export interface InboundReply {
  readonly id: string;
  readonly message: MemoMessage;
  /** Structural problems found while reading (the memo is still returned). */
  readonly issues: readonly ValidationIssue[];
  readonly correlation: ReplyCorrelation;
}

export class InboundMemos {
  readonly #ngdp: NgdpClient;

  constructor(ngdp: NgdpClient) {
    this.#ngdp = ngdp;
  }

  list(options: NgdpCallOptions & { readonly page?: number; readonly size?: number } = {}): Promise<PagingResultUUID> {
    return this.#ngdp.listInboundMemos(options.page ?? 0, options.size ?? 100, options);
  }

  /** The MeMo XML as received (bytes; personal data: never log it). */
  fetchXml(id: string, options: NgdpCallOptions = {}): Promise<Uint8Array> {
    return this.#ngdp.fetchInboundMemo(id, options);
  }

  /** Fetches and parses one inbound memo and correlates it (ReplyData → original messageUUID, caseID). */
  async fetchReply(id: string, options: NgdpCallOptions = {}): Promise<InboundReply> {
    const { message, issues } = parseMemo(await this.fetchXml(id, options));
    return Object.freeze({ id, message, issues, correlation: correlateReply(message) });
  }

  /** Tells NgDP the memo was received (positive) or could not be handled (negative, with a reason). */
  acknowledge(id: string, receipt: { readonly positive: boolean; readonly messageUUID?: string; readonly errorMessage?: string }, options: NgdpCallOptions = {}): Promise<void> {
    const body: NgdpReceipt = {
      ...(receipt.messageUUID ? { messageUUID: receipt.messageUUID } : {}),
      receiptStatus: receipt.positive ? 'COMPLETED' : 'INVALID',
      ...(receipt.errorMessage ? { errorMessage: receipt.errorMessage } : {}),
    };
    return this.#ngdp.sendBusinessReceipt(id, body, options);
  }

  delete(id: string, options: NgdpCallOptions = {}): Promise<void> {
    return this.#ngdp.deleteInboundMemo(id, options);
  }
}
