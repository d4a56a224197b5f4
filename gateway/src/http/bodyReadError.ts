/**
 * A request body that cannot be read is the client's fault: whatever the parser throws (a
 * multipart body without a boundary, a truncated part, bad JSON in a field) becomes a 4xx
 * ApiError, never a 500. Size limits keep their own 4xx status (413).
 * @module
 */
import { maskCprInText } from '@postbud/sdk';
import { ApiError } from './ApiError.js';

function statusOf(error: unknown): number | undefined {
  const status = error !== null && typeof error === 'object' ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** Maps an error thrown while reading or parsing a request body to a 4xx error. */
export function bodyReadError(error: unknown, what: string): Error {
  if (error instanceof ApiError) return error;
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500 && error instanceof Error) return error;
  const reason = maskCprInText(error instanceof Error ? error.message : String(error)).slice(0, 200);
  return new ApiError(400, 'REQUEST_INVALID', `The ${what} cannot be read (${reason}). Send multipart/form-data with its boundary parameter, or JSON.`);
}
