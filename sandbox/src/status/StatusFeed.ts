/**
 * The Beskedfordeler stand-in: records a PKO_PostStatus message per letter event, keeps it for
 * the pull API and pushes it (in order, with retries) to the configured endpoint.
 * @module
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { SandboxStore } from '../store/SandboxStore.js';
import type { EventKind, EventRecord, LetterRecord, LetterSummary } from '../store/records.js';
import { postStatusEnvelope, type PostStatus } from './postStatusXml.js';

export interface StatusFailure {
  readonly fejlKode: string;
  readonly fejlTekst: string;
}

const KANAL: Readonly<Record<LetterRecord['channel'], string>> = { digital: 'Digital Post', physical: 'Fysisk Post', nemsms: 'NemSMS' };

/** TransaktionsStatusKode per event. Only `Afleveret Digital Post` and `Fejlet` are confirmed; see docs/sandbox.md. */
function statusCode(kind: Exclude<EventKind, 'read'>, channel: LetterRecord['channel']): string {
  if (kind === 'failed') return 'Fejlet';
  if (kind === 'accepted') return 'Modtaget';
  if (kind === 'printed') return 'Afleveret Fysisk Post';
  return channel === 'nemsms' ? 'Afleveret NemSMS' : 'Afleveret Digital Post';
}

const PUSH_DELAYS_MS = [0, 250, 1000, 3000, 8000];

export class StatusFeed {
  readonly #store: SandboxStore;
  readonly #pushUrl: () => string | null;
  readonly #insecure: boolean;
  readonly #log: (line: string) => void;
  #chain: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(store: SandboxStore, pushUrl: () => string | null, insecure: boolean, log: (line: string) => void) {
    this.#store = store;
    this.#pushUrl = pushUrl;
    this.#insecure = insecure;
    this.#log = log;
  }

  record(letter: LetterSummary, kind: Exclude<EventKind, 'read'>, failure?: StatusFailure, now: Date = new Date()): EventRecord {
    const code = statusCode(kind, letter.channel);
    const status: PostStatus = {
      transmissionId: letter.id,
      messageUuid: letter.messageUuid,
      messageId: letter.messageId,
      kanalKode: KANAL[letter.channel],
      transaktionsDatoTid: now.toISOString(),
      transaktionsStatusKode: code,
      ...(failure ? { fejlKode: failure.fejlKode, fejlTekst: failure.fejlTekst } : {}),
    };
    const authorityCvr = letter.authorityCvr ?? letter.senderId ?? '';
    const envelope = postStatusEnvelope(status, authorityCvr, now);
    const url = this.#pushUrl();
    const event = this.#store.insertEvent({
      id: envelope.beskedId, letterId: letter.id, messageUuid: letter.messageUuid, kind, statusCode: code,
      authorityCvr, xml: envelope.xml, createdAt: now.toISOString(), acked: false,
      pushState: url ? 'pending' : 'none', pushAttempts: 0, pushError: null,
    });
    if (url) this.#enqueuePush(event.id, envelope.xml, url);
    return event;
  }

  /** A "read" event (NgDP MESSAGE_READ): visible in the event log, not a PKO_PostStatus message. */
  recordRead(letter: LetterRecord, now: Date = new Date()): EventRecord {
    return this.#store.insertEvent({
      id: randomUUID(), letterId: letter.id, messageUuid: letter.messageUuid, kind: 'read', statusCode: 'MESSAGE_READ',
      authorityCvr: letter.authorityCvr ?? letter.senderId, xml: null, createdAt: now.toISOString(), acked: false,
      pushState: 'none', pushAttempts: 0, pushError: null,
    });
  }

  /** Resolves when every push queued so far has succeeded or given up. */
  flush(): Promise<void> {
    return this.#chain;
  }

  close(): void {
    this.#closed = true;
  }

  #enqueuePush(id: string, xml: string, url: string): void {
    this.#chain = this.#chain.then(() => this.#pushWithRetries(id, xml, url));
  }

  async #pushWithRetries(id: string, xml: string, url: string): Promise<void> {
    let lastError = '';
    for (let attempt = 0; attempt < PUSH_DELAYS_MS.length && !this.#closed; attempt++) {
      if (PUSH_DELAYS_MS[attempt]! > 0) await new Promise((r) => setTimeout(r, PUSH_DELAYS_MS[attempt]));
      if (this.#closed) break;
      try {
        const status = await this.#post(url, xml);
        if (this.#closed) return;
        if (status >= 200 && status < 300) {
          this.#store.updateEvent(id, { pushState: 'pushed', pushAttempts: attempt + 1, pushError: null });
          return;
        }
        lastError = `HTTP ${status}`;
      } catch (err) {
        lastError = (err as Error).message;
      }
      if (this.#closed) return;
      this.#store.updateEvent(id, { pushAttempts: attempt + 1, pushError: lastError });
    }
    if (!this.#closed) {
      this.#store.updateEvent(id, { pushState: 'failed', pushError: lastError });
      this.#log(`status push to ${url} failed: ${lastError}`);
    }
  }

  #post(url: string, xml: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const body = Buffer.from(xml, 'utf8');
      const lib = target.protocol === 'https:' ? https : http;
      const req = lib.request(
        target,
        {
          method: 'POST',
          headers: { 'content-type': 'application/xml', 'content-length': String(body.length) },
          timeout: 10_000,
          ...(target.protocol === 'https:' ? { rejectUnauthorized: !this.#insecure } : {}),
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('timeout', () => req.destroy(new Error('push timed out')));
      req.on('error', reject);
      req.end(body);
    });
  }
}
