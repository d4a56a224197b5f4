/**
 * An error the HTTP API answers with a status code and `{error: {code, message, details}}`.
 * Messages are plain words for the caseworker; never personal data.
 * @module
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
