/**
 * What a route handler returns. Handlers never write to the socket themselves: the server
 * decides how the result reaches the client, which is what lets fault injection drop a fully
 * processed response or delay it.
 * @module
 */
export interface HttpResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
}

export function jsonResult(status: number, value: unknown, headers: Record<string, string> = {}): HttpResult {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function xmlResult(status: number, xml: string, headers: Record<string, string> = {}): HttpResult {
  return { status, headers: { 'content-type': 'application/xml; charset=utf-8', ...headers }, body: xml };
}

export function htmlResult(status: number, html: string, headers: Record<string, string> = {}): HttpResult {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: html };
}

export function emptyResult(status: number, headers: Record<string, string> = {}): HttpResult {
  return { status, headers, body: '' };
}

export function redirectResult(location: string): HttpResult {
  return { status: 303, headers: { location }, body: '' };
}

/**
 * A request the sandbox refuses. `result` is the exact response to send, in the error shape
 * of the API that was called (ErrorMessage JSON on NgDP, kombi_response on SF1601, ...).
 */
export class SandboxHttpError extends Error {
  readonly result: HttpResult;
  constructor(result: HttpResult, message?: string) {
    super(message ?? `HTTP ${result.status}`);
    this.name = 'SandboxHttpError';
    this.result = result;
  }
}
