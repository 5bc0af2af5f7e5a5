/**
 * Every error the API returns, with its stable code and HTTP status. Responses are
 * `{"error": {"code", "message"}}`; clients switch on `code`, never on the message.
 */
export const API_ERRORS = {
  FL_UNAUTHORIZED: 401,
  FL_FORBIDDEN: 403,
  FL_BAD_REQUEST: 400,
  FL_INVALID_JSON: 400,
  FL_FORBIDDEN_KEY: 400,
  FL_UNSUPPORTED_MEDIA_TYPE: 415,
  FL_BODY_TOO_LARGE: 413,
  FL_NOT_FOUND: 404,
  FL_CONFLICT: 409,
  FL_RATE_LIMITED: 429,
  FL_QUEUE_UNAVAILABLE: 503,
  FL_INTERNAL: 500,
} as const;
