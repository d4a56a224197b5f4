/**
 * NgDP `ErrorMessage {code, message, fieldErrors[{resource, field, code, message, rejectedValue}]}`.
 * @module
 */
import { jsonResult, type HttpResult } from '../http/HttpResult.js';

export interface FieldError {
  readonly resource: string;
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly rejectedValue: string | null;
}

export function errorMessage(status: number, code: string, message: string, extra: { fieldErrors?: readonly FieldError[] } = {}, headers: Record<string, string> = {}): HttpResult {
  return jsonResult(status, { code, message, fieldErrors: extra.fieldErrors ?? [] }, headers);
}
