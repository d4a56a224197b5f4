/**
 * Golden files of exact HTTP requests. Compare by default; rewrite with
 * `POSTBUD_UPDATE_GOLDEN=1 npm test -- <file>`. A missing golden file fails (so CI never
 * passes by writing it) unless update mode is on.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';

const GOLDEN_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Only headers that carry meaning on the wire (not axios' user agent or encodings). */
const KEPT_HEADERS = ['content-type', 'accept', 'authorization', 'x-transaktionsid', 'x-transaktionstid'];

export function formatRequest(request: RecordedRequest): string {
  const headers = Object.entries(request.headers)
    .map(([k, v]) => [k.toLowerCase(), v] as const)
    .filter(([k]) => KEPT_HEADERS.includes(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`);
  return [`${request.method} ${request.url}`, ...headers, '', request.body, ''].join('\n');
}

export function expectGolden(name: string, requests: readonly RecordedRequest[]): void {
  const text = requests.map(formatRequest).join('\n----\n');
  const file = path.join(GOLDEN_DIR, `${name}.txt`);
  if (process.env['POSTBUD_UPDATE_GOLDEN'] === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`Golden file ${file} is missing: run with POSTBUD_UPDATE_GOLDEN=1 to create it, then review it.`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
