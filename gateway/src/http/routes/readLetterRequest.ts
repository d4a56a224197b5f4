/**
 * Reads `POST /v1/letters` as JSON (files in base64) or as multipart (a `letter` JSON field
 * plus one part per file), and validates it against the documented schema.
 * @module
 */
import type { FastifyRequest } from 'fastify';
import type { ApiLetterDocument } from '../../plugins/ApiLetterDocument.js';
import { ApiError } from '../ApiError.js';
import { bodyReadError } from '../bodyReadError.js';
import { compileStrictValidator } from '../compileStrictValidator.js';
import { LetterRequest } from '../schemas.js';

export type LetterRequestBody = ApiLetterDocument & { readonly senderSystem: string };

interface Parts {
  letter?: Record<string, unknown>;
  readonly files: { filename: string; contentType: string; base64: string }[];
}

async function readParts(request: FastifyRequest): Promise<Parts> {
  const read: Parts = { files: [] };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      read.files.push({ filename: part.filename, contentType: part.mimetype, base64: (await part.toBuffer()).toString('base64') });
    } else if (part.fieldname === 'letter') {
      try {
        read.letter = JSON.parse(String(part.value)) as Record<string, unknown>;
      } catch {
        throw new ApiError(400, 'REQUEST_INVALID', 'The "letter" field must be JSON.');
      }
    }
  }
  return read;
}

async function fromMultipart(request: FastifyRequest): Promise<unknown> {
  const { letter, files } = await readParts(request).catch((error: unknown) => {
    throw bodyReadError(error, 'multipart body');
  });
  if (letter === undefined) throw new ApiError(400, 'REQUEST_INVALID', 'A multipart letter needs a "letter" field with the letter as JSON.');
  const inline = Array.isArray(letter['files']) ? (letter['files'] as unknown[]) : [];
  return { ...letter, files: [...inline, ...files] };
}

const validateLetterRequest = compileStrictValidator(LetterRequest);

export async function readLetterRequest(request: FastifyRequest): Promise<LetterRequestBody> {
  const body = request.isMultipart() ? await fromMultipart(request) : request.body;
  if (!validateLetterRequest(body)) {
    const errors = validateLetterRequest.errors ?? [];
    const first = errors[0];
    throw new ApiError(400, 'REQUEST_INVALID', `The letter request is not valid${first ? `: ${first.instancePath ?? ''} ${first.message ?? ''}`.trimEnd() : '.'}`, {
      errors: errors.slice(0, 10).map((e) => ({ path: e.instancePath, message: e.message })),
    });
  }
  return body as LetterRequestBody;
}
