/**
 * A small client for the gateway's HTTP API (`POST /v1/letters`, `POST /v1/lookup`,
 * `GET /v1/letters/{id}`), as a sender system outside the gateway process uses it. Errors
 * keep the gateway's code and plain-words message, so the sample can show them to a person.
 * @module
 */

export interface GatewayLetter {
  readonly id: string;
  readonly senderSystem: string;
  readonly state: string;
  readonly replyEnabled: boolean;
  readonly replyBy?: string;
  readonly caseId?: string;
  readonly contactPointId?: string;
  readonly transmissionId?: string;
  readonly lastError?: string;
  /** `digital` | `physical` | `nemsms` once the route accepted it; `null` before. */
  readonly channel?: string | null;
  /** What intake found: `digital`, `physical` (sent as physical post), or `null` if the route could not be asked then. */
  readonly reachability?: string | null;
}

export class GatewayError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'GatewayError';
  }
}

export class GatewayClient {
  constructor(readonly baseUrl: string, private readonly token: () => Promise<string>) {}

  /** Sends a letter; the same `idempotencyKey` twice gives the first letter back (200), not a second letter. */
  async sendLetter(body: Readonly<Record<string, unknown>>, idempotencyKey: string): Promise<{ readonly letter: GatewayLetter; readonly created: boolean }> {
    const res = await this.#call('POST', '/v1/letters', body, { 'idempotency-key': idempotencyKey });
    return { letter: (await res.json()) as GatewayLetter, created: res.status === 202 };
  }

  async lookup(id: { readonly cpr: string } | { readonly cvr: string }): Promise<{ readonly digitalPost: boolean; readonly reason?: string }> {
    return (await (await this.#call('POST', '/v1/lookup', id)).json()) as { digitalPost: boolean; reason?: string };
  }

  async getLetter(id: string): Promise<GatewayLetter> {
    return ((await (await this.#call('GET', `/v1/letters/${id}`)).json()) as { letter: GatewayLetter }).letter;
  }

  async #call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.ok) return res;
    const text = await res.text();
    let error: { code?: string; message?: string; details?: unknown } = {};
    try {
      error = ((JSON.parse(text) as { error?: typeof error }).error ?? {});
    } catch {
      // not JSON: keep the status
    }
    throw new GatewayError(res.status, error.code ?? `HTTP_${res.status}`, error.message ?? `The gateway answered ${res.status}.`, error.details);
  }
}
