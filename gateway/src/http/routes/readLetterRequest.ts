/**
 * Reads `POST /v1/letters` as JSON (files in base64) or as multipart (a `letter` JSON field
 * plus one part per file), and validates it against the documented schema.
 * @module
 */
import type { FastifyRequest } from 'fastify';
import type { ApiLetterDocument } from '../../plugins/ApiLetterDocument.js';
import { ApiError } from '../ApiError.js';
import { LetterRequest } from '../schemas.js';

export type LetterRequestBody = ApiLetterDocument & { readonly senderSystem: string };

async function fromMultipart(request: FastifyRequest): Promise<unknown> {
  let letter: Record<string, unknown> | undefined;
  const files: { filename: string; contentType: string; base64: string }[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      files.push({ filename: part.filename, contentType: part.mimetype, base64: (await part.toBuffer()).toString('base64') });
    } else if (part.fieldname === 'letter') {
      try {
        letter = JSON.parse(String(part.value)) as Record<string, unknown>;
      } catch {
        throw new ApiError(400, 'REQUEST_INVALID', 'The "letter" field must be JSON.');
      }
    }
  }
  if (letter === undefined) throw new ApiError(400, 'REQUEST_INVALID', 'A multipart letter needs a "letter" field with the letter as JSON.');
  const inline = Array.isArray(letter['files']) ? (letter['files'] as unknown[]) : [];
  return { ...letter, files: [...inline, ...files] };
}

export async function readLetterRequest(request: FastifyRequest): Promise<LetterRequestBody> {
  const body = request.isMultipart() ? await fromMultipart(request) : request.body;
  if (!request.validateInput(body, LetterRequest, 'body')) {
    const errors = (request.getValidationFunction(LetterRequest)?.errors ?? []) as { instancePath?: string; message?: string }[];
    const first = errors[0];
    throw new ApiError(400, 'REQUEST_INVALID', `The letter request is not valid${first ? `: ${first.instancePath ?? ''} ${first.message ?? ''}`.trimEnd() : '.'}`, {
      errors: errors.slice(0, 10).map((e) => ({ path: e.instancePath, message: e.message })),
    });
  }
  return body as LetterRequestBody;
}
