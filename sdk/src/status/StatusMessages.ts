/**
 * SF1601 delivery statuses. `parse` reads a pushed `PostStatusBeskedModtag` body (your HTTPS
 * endpoint receives it); `fetch`/`acknowledge` pull from the sandbox's Beskedfordeler
 * stand-in (real Beskedfordeler pull is AMQP, not covered here).
 * @module
 */
import type { CallOptions, Sf1601Client } from '../sf1601/Sf1601Client.js';
import { parsePostStatus, type PostStatus } from './parsePostStatus.js';

export interface FetchedStatus {
  /** Id to acknowledge. */
  readonly id: string;
  readonly status: PostStatus;
}

export class StatusMessages {
  readonly #sf1601: Sf1601Client;

  constructor(sf1601: Sf1601Client) {
    this.#sf1601 = sf1601;
  }

  /** Parses one pushed envelope or bare PKO_PostStatus. */
  parse(xml: string): PostStatus {
    return parsePostStatus(xml);
  }

  async fetch(max = 50, options: CallOptions = {}): Promise<readonly FetchedStatus[]> {
    const messages = await this.#sf1601.fetchStatusMessages(max, options);
    return messages.map((m) => ({ id: m.id, status: parsePostStatus(m.xml) }));
  }

  acknowledge(id: string, options: CallOptions = {}): Promise<void> {
    return this.#sf1601.acknowledgeStatusMessage(id, options);
  }
}
