/**
 * The sandbox's inspection and control API (`/_sandbox/`) over HTTP: what arrived, deliver
 * now, and let a fictional citizen answer a letter. Sandbox only; nothing like it exists in
 * production.
 * @module
 */

export interface SandboxLetter {
  readonly id: string;
  readonly messageUuid: string | null;
  readonly channel: 'digital' | 'physical' | 'nemsms';
  readonly recipientId: string | null;
  readonly senderId: string | null;
  readonly title: string | null;
  readonly reply: boolean;
  readonly replyBy: string | null;
  readonly contactPointId: string | null;
  readonly status: string;
}

export class SandboxInspector {
  constructor(readonly baseUrl: string) {}

  async letters(filter: { readonly messageUuid?: string; readonly recipient?: string; readonly sender?: string } = {}): Promise<SandboxLetter[]> {
    const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined));
    return (await this.#json('GET', `/_sandbox/letters?${q.toString()}`)) as SandboxLetter[];
  }

  /** The stored letter with its MeMo XML. */
  async letterXml(id: string): Promise<string> {
    return ((await this.#json('GET', `/_sandbox/letters/${id}`)) as { memoXml: string | null }).memoXml ?? '';
  }

  async deliver(): Promise<number> {
    return ((await this.#json('POST', '/_sandbox/deliver', { force: true })) as { delivered: number }).delivered;
  }

  /** A fictional citizen answers the letter with this message UUID from their mailbox. */
  async reply(messageUuid: string, text: string): Promise<string> {
    const [letter] = await this.letters({ messageUuid });
    if (letter === undefined) throw new Error(`The sandbox has no letter ${messageUuid}.`);
    return ((await this.#json('POST', '/_sandbox/replies', { letterId: letter.id, text })) as { id: string }).id;
  }

  async #json(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`Sandbox ${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  }
}
