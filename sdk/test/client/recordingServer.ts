/**
 * msw set-up shared by the client's wire tests: every request is recorded (method, URL,
 * headers, body text) and unhandled requests fail the test.
 */
import { setupServer, type SetupServerApi } from 'msw/node';
import type { RequestHandler } from 'msw';
import type { RecordedRequest } from '../golden/golden.js';

export interface RecordingServer {
  readonly server: SetupServerApi;
  readonly requests: RecordedRequest[];
  /** Requests whose URL contains `part`. */
  count(part: string): number;
}

export function recordingServer(...handlers: RequestHandler[]): RecordingServer {
  const server = setupServer(...handlers);
  const requests: RecordedRequest[] = [];
  server.events.on('request:start', async ({ request }) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    // Recorded synchronously (order = arrival order); the body is filled in when read.
    const entry: { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] } = { method: request.method, url: request.url, headers, body: '' };
    requests.push(entry);
    entry.body = await request.clone().text();
  });
  return { server, requests, count: (part) => requests.filter((r) => r.url.includes(part)).length };
}
