/**
 * msw set-up shared by the client's wire tests: every request is recorded (method, URL,
 * headers, body text) before it is answered, and unhandled requests fail the test.
 */
import { setupServer, type SetupServerApi } from 'msw/node';
import { http, type RequestHandler } from 'msw';
import type { RecordedRequest } from '../golden/golden.js';

export interface RecordingServer {
  readonly server: SetupServerApi;
  readonly requests: RecordedRequest[];
  /** Requests whose URL contains `part`. */
  count(part: string): number;
}

export function recordingServer(...handlers: RequestHandler[]): RecordingServer {
  const requests: RecordedRequest[] = [];
  // A fall-through handler first: msw awaits it (so the body is read before the answer) and,
  // as it returns nothing, goes on to the real handler.
  const recorder = http.all('*', async ({ request }) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const entry: { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] } = { method: request.method, url: request.url, headers, body: '' };
    requests.push(entry);
    entry.body = await request.clone().text();
    return undefined;
  });
  const server = setupServer(recorder, ...handlers);
  const reset = server.resetHandlers.bind(server);
  // Keep the recorder first when a test overrides handlers with server.use().
  server.use = (...more: RequestHandler[]) => reset(recorder, ...more, ...handlers);
  return { server, requests, count: (part) => requests.filter((r) => r.url.includes(part)).length };
}
