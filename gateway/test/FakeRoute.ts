/**
 * An in-memory route for API tests that do not need the sandbox: records sends (by
 * messageUUID, answering duplicates idempotently), serves queued replies and statuses, and
 * can be told to fail.
 */
import { PostbudError } from '@postbud/sdk';
import type { LetterInput } from '@postbud/sdk';
import type { Company, RouteInboundReply, RouteLookup, RoutePort, RouteSendOptions, RouteSendResult, RouteStatusItem } from '../src/route/RoutePort.js';

export class FakeRoute implements RoutePort {
  readonly canPrint = true;
  readonly sent = new Map<string, LetterInput>();
  readonly sendOptions = new Map<string, RouteSendOptions>();
  sendCalls = 0;
  failNext: PostbudError | undefined;
  readonly replies: RouteInboundReply[] = [];
  readonly statuses: RouteStatusItem[] = [];
  readonly acked: string[] = [];

  async lookup(recipient: { cpr: string } | { cvr: string }): Promise<RouteLookup> {
    return 'cpr' in recipient && recipient.cpr.endsWith('9999') ? { digitalPost: false, reason: 'exempt' } : { digitalPost: true, nemSms: false };
  }

  async send(letter: LetterInput, options: RouteSendOptions): Promise<RouteSendResult> {
    this.sendCalls += 1;
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = undefined;
      throw e;
    }
    const id = letter.messageUUID as string;
    const duplicate = this.sent.has(id);
    this.sent.set(id, letter);
    this.sendOptions.set(id, options);
    return { transmissionId: `tx-${id}`, duplicate, channel: options.physical ? 'physical' : 'digital' };
  }

  async fetchReplies(max: number) { return this.replies.slice(0, max); }
  async ackReply(id: string) { this.acked.push(id); this.replies.splice(this.replies.findIndex((r) => r.id === id), 1); }
  async fetchStatuses(max: number) { return this.statuses.slice(0, max); }
  async ackStatus(id: string) { this.acked.push(id); this.statuses.splice(this.statuses.findIndex((s) => s.id === id), 1); }

  async searchCompanies(q: string): Promise<readonly Company[]> {
    return [{ cvr: '24256790', name: 'Eksempel Byg ApS', productionUnits: [{ pNumber: '1234567890', name: 'Eksempel Byg, Aarhus' }] }].filter((c) => c.name.toLowerCase().includes(q.toLowerCase()));
  }
  async getCompany(cvr: string): Promise<Company | undefined> { return (await this.searchCompanies('')).find((c) => c.cvr === cvr); }
  async close() {}

  static retryable(): PostbudError {
    return new PostbudError('HTTP_SERVER_ERROR', 'The route answered 503.', { fault: 'server', retryable: true });
  }
}
