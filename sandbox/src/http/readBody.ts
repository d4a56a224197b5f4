/**
 * Reads a request body into memory with a size cap, so a client cannot exhaust the sandbox.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { jsonResult, SandboxHttpError } from './HttpResult.js';

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume();
    throw tooLarge(limitBytes);
  }
  // Plain listeners, not `for await`: the async iterator costs more per request than the copy.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      reject(tooLarge(limitBytes));
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('The client closed the connection before the whole body arrived.'));
    });
  });
}

function tooLarge(limitBytes: number): SandboxHttpError {
  return new SandboxHttpError(
    jsonResult(413, {
      code: 'request.too.large',
      message: `The request body is larger than the sandbox accepts here (${Math.round(limitBytes / 1024 / 1024)} MB).`,
      fieldErrors: [],
    }),
  );
}

/** Parses a JSON body or refuses it with a 400 in NgDP's ErrorMessage shape. */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (err) {
    throw new SandboxHttpError(
      jsonResult(400, { code: 'request.malformed', message: `The body is not valid JSON: ${(err as Error).message}`, fieldErrors: [] }),
    );
  }
}
