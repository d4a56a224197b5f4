/**
 * The gateway's port to the public route (sandbox, SF1601 or NgDP): the few operations the
 * gateway needs, so the outbox worker and the reply loop do not depend on how the route is
 * reached. The production adapter wraps the SDK's `DigitalPostClient`.
 * @module
 */
import type { LetterInput, PostalAddress } from '@postbud/sdk';
import type { LetterChannel, NewStatusEvent } from '../ledger/records.js';

export interface RouteLookup {
  readonly digitalPost: boolean;
  readonly nemSms?: boolean;
  /** Plain words when not reachable (exempt, no mailbox, unknown). */
  readonly reason?: string;
}

export interface RouteSendResult {
  readonly transmissionId?: string;
  /** The route already had this messageUUID and answered with the original receipt. */
  readonly duplicate: boolean;
  /** Where the letter went, when known. */
  readonly channel?: LetterChannel;
}

export interface RouteSendOptions {
  readonly channel: 'auto' | 'digital-only';
  /** Fjernprint for a recipient without Digital Post (channel `auto` only). */
  readonly physical?: { readonly address: PostalAddress; readonly pdf?: Uint8Array };
  readonly signal?: AbortSignal;
}

/** An item fetched from the route that must be acknowledged once stored. */
export interface RouteInboundReply {
  readonly id: string;
  /** The reply as received (personal data: store it, never log it). */
  readonly memoXml: string;
  /** The reply's own messageUUID. */
  readonly messageUUID: string;
  readonly title: string;
  /** The letter it answers (ReplyData), when named. */
  readonly inReplyTo?: string;
  readonly caseId?: string;
  readonly contactPointId?: string;
}

export interface RouteStatusItem {
  readonly id: string;
  /** Undefined when the status document could not be understood (kept for inspection). */
  readonly event?: NewStatusEvent;
}

export interface Company {
  readonly cvr: string;
  readonly name: string;
  readonly productionUnits: readonly { readonly pNumber: string; readonly name: string; readonly address?: string }[];
}

export interface RoutePort {
  /** The route can send physical post (SF1601 fjernprint); NgDP direct cannot. */
  readonly canPrint: boolean;
  lookup(recipient: { readonly cpr: string } | { readonly cvr: string; readonly pNumber?: string }): Promise<RouteLookup>;
  /** Sends one letter whose messageUUID is fixed. Throws `PostbudError`; `retryable` says whether to try again. */
  send(letter: LetterInput, options: RouteSendOptions): Promise<RouteSendResult>;
  fetchReplies(max: number): Promise<readonly RouteInboundReply[]>;
  /** Removes a reply from the route: call only after it is stored. */
  ackReply(id: string): Promise<void>;
  fetchStatuses(max: number): Promise<readonly RouteStatusItem[]>;
  ackStatus(id: string): Promise<void>;
  /** Company directory (the sandbox's; production would use the CVR register). */
  searchCompanies(query: string): Promise<readonly Company[]>;
  getCompany(cvr: string): Promise<Company | undefined>;
  close(): Promise<void>;
}
