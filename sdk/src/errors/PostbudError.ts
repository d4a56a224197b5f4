/**
 * The one error root of Postbud. Every error thrown by the SDK is a `PostbudError`
 * with a stable `code`, a `fault` attribution and a `retryable` flag.
 * @module
 */
import type { Fault, PostbudErrorCode } from './codes.js';

export interface PostbudErrorOptions {
  readonly fault?: Fault;
  readonly retryable?: boolean;
  readonly cause?: unknown;
  /** Structured, non-sensitive details (never CPR numbers or tokens in clear). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export class PostbudError extends Error {
  readonly code: PostbudErrorCode;
  readonly fault: Fault;
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: PostbudErrorCode, message: string, options: PostbudErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PostbudError';
    this.code = code;
    this.fault = options.fault ?? 'client';
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }
}

/** Type guard that also narrows on a specific code. */
export function isPostbudError<C extends PostbudErrorCode>(
  value: unknown,
  code?: C,
): value is PostbudError & { readonly code: C } {
  return value instanceof PostbudError && (code === undefined || value.code === code);
}
