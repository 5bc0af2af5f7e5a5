import { API_ERRORS } from '../contracts/index.js';

export { API_ERRORS };
export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  override name = 'ApiError';
  readonly statusCode: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.statusCode = API_ERRORS[code];
  }
}

/** Fastify's own errors, given our codes. */
export const FASTIFY_CODES: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'FL_INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'FL_INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'FL_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'FL_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_NOT_FOUND: 'FL_NOT_FOUND',
  FST_ERR_VALIDATION: 'FL_BAD_REQUEST',
};
